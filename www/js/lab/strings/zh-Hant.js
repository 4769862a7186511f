// The lab's words in Traditional Chinese (Taiwan), key for key as en.js. Chinese lines break
// between any two characters, so formulas are held together with no-break spaces (nb).
const joinParts = (parts) => parts.join('；');
const nb = (formula) => formula.replace(/ /g, '\u00a0');
/** A sentence ended by a full stop, also one of the core's English errors (its own stop dropped). */
const period = (text) => (/[。！？]$/.test(text) ? text : `${text.replace(/\.$/, '')}。`);

/** The English phrases of kit/settings.js and kit/csv.js (values and keys stay as written). */
const ISSUES = [
  [/ is given (\d+) times; using the last/g, ' 出現了 $1 次；採用最後一個'],
  [/ and (\d+) more are not settings; ignored/g, ' 及另外 $1 個都不是設定項；已略過'],
  [/ (?:is not a setting|are not settings); ignored/g, ' 不是設定項；已略過'],
  [/; ignored/g, '；已略過'],
  [/names (.+?), not one of /g, '含有 $1，不是下列之一：'],
  [/is not one of /g, '不是下列之一：'],
  [/an empty item/g, '空項目'],
  [/is not true or false/g, '不是 true 或 false'],
  [/is not a finite number/g, '不是有限的數'],
  [/is not a whole number/g, '不是整數'],
  [/is not a number/g, '不是數字'],
  [/is too large/g, '太大'],
  [/is below the minimum (\S+)/g, '小於最小值 $1'],
  [/is above the maximum (\S+)/g, '大於最大值 $1'],
  [/; using /g, '；改用 '],
  [/line (\d+) is longer than (\d+) characters; a line holds one point/g, '第 $1 行超過 $2 個字元；每行應只有一個點'],
  [/(^|; )line (\d+): /g, '$1第 $2 行：'],
  [/the file holds binary data \(a zero byte\), not text/g, '檔案含有二進位資料（零位元組），不是文字'],
  [/ holds bytes that are not UTF-8 text/g, ' 含有不是 UTF-8 文字的位元組'],
  [/expected (\d+) values, found (\d+)/g, '應有 $1 個值，實有 $2 個'],
  [/a value is missing/g, '缺少一個值'],
  [/ in ("(?:[^"\\]|\\.)*")/g, '，出現在 $1'],
  [/the file has no data \(at least (\d+) points are needed\)/g, '檔案中沒有資料（至少需要 $1 個點）'],
  [/expected 2 columns \(or a header naming columns x and y\), found (\d+)/g, '應有 2 欄（或以標題列指明 x 與 y 欄），實有 $1 欄'],
  [/… and (\d+) more malformed lines/g, '…另有 $1 行格式錯誤'],
  [/^… and (\d+) more$/g, '…另有 $1 則'],
  [
    /the file has (\d+) points, more than the limit of (\d+): (\d+) of them, chosen at random, were left out/g,
    '檔案有 $1 個點，超過上限 $2 個：其中隨機選出的 $3 個未使用',
  ],
  [/too few points: (\d+) \(at least (\d+) are needed\)/g, '點太少：共 $1 個（至少需要 $2 個）'],
];

export default {
  train: '訓練',
  pause: '暫停',
  step: '單步',
  reset: '從頭訓練',
  play: '播放 t',
  stopPlay: '停止 t',
  speed: '速度',
  loop: '循環播放',
  time: '時間 t',
  trainAria: '訓練網路（或暫停）',
  stepAria: '進行一步訓練',
  resetAria: '從隨機初始權重重新開始，觀看網路學習',
  playAria: `播放從 ${nb('t = 0')} 到 ${nb('t = 1')} 的流動`,

  settings: '設定',
  defaults: '還原預設值',
  link: '此圖的連結',
  targets: '目標分布',
  copyLink: '複製連結',
  copied: '已複製',
  copyFailed: '無法複製：連結在左側（以滑鼠右鍵點按即可複製）',
  drawingTooBig: (n, max) => `這幅手繪圖有 ${n} 個點，連結最多只能帶 ${max} 個點，因此開啟連結時不會包含這幅圖。`,
  drawingBad: '無法讀取連結中的手繪圖（連結可能被截斷或改動）；請重新繪製。',
  hintSeed: '從 0 起的整數',
  hintInt: (min, max) => `${min} 到 ${max} 的整數`,
  hintFloat: (min, max) => `介於 ${min} 與 ${max} 之間`,
  fieldError: (label, error, hint) => `${label}：${error}${hint ? `（${hint}）` : ''}`,
  issue: (text) => ISSUES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text),
  list: joinParts,

  flowAria: '粒子從 N(0, I) 移動到目標分布',
  fieldAria: '目前時間 t 學到的速度場 v(x, t)，畫在粒子上',
  flowCaption: ({ flow, field, click }) => {
    const parts = [];
    if (flow) parts.push(`藍色粒子由學到的向量場推動，從 ${nb('t = 0')} 的 ${nb('N(0, I)')} 移到 ${nb('t = 1')} 的資料分布`);
    parts.push('灰點為目標樣本');
    if (field) parts.push(`箭頭為目前時間 t 的向量場 ${nb('v(x, t)')}，長度依網格間距縮放`);
    return `${joinParts(parts)}。${click ? '點選一個粒子即可檢查它的軌跡。' : ''}`;
  },
  lagrangian: `拉格朗日觀點：隨流動變形的網格，${nb('p = N(x₀) / |det J|')}`,
  eulerian: '尤拉觀點：在固定網格上解連續性方程式',
  difference: '網格頂點上的差值：尤拉 p − 拉格朗日 p',
  densityBar: (t) => `${nb(`t = ${t}`)} 的機率密度 p（兩種觀點共用）`,
  differenceBar: '尤拉 − 拉格朗日',
  allValues: (value) => `所有值皆為 ${value}`,
  densityComputing: '正在計算兩種密度圖…',
  densityUpdating: (step) => `正在為第 ${step} 步的網路更新。`,
  densityShown: ({ t, step, seconds }) =>
    `兩圖皆顯示第 ${step} 步的網路在 ${nb(`t = ${t}`)} 的密度，共用同一色階；` +
    `滑桿上全部 101 個時間點共花 ${seconds} 秒算出。差值圖在網格頂點上讀取尤拉網格，因為拉格朗日密度在頂點上是精確的。`,

  probeHint: '將游標移到（或以手指點按）密度圖上，即可讀出該處兩種觀點與精確計算的 p 與 log p。',
  probe: ({ x, y, t, lagrangian, eulerian, exact, exactStep }) => {
    const value = (v, none) => (!v ? none : v === 'failed' ? '無法計算' : nb(`p = ${v.p}（log p = ${v.log}）`));
    const step = exactStep === null ? '' : `（第 ${exactStep} 步的網路）`;
    return (
      `在 (${x}, ${y})、t = ${t}：拉格朗日 ${value(lagrangian, '無（此處沒有網格）')} · ` +
      `尤拉 ${value(eulerian, '無（在網格之外）')} · 精確值${step} ${value(exact, '計算中…')}`
    );
  },

  lossAria: '訓練損失隨步數的變化，縱軸為對數刻度',
  nllAria: '保留樣本的負對數概似隨步數的變化',
  checkAria: '沿一條軌跡的 d/dt log det J 與散度',
  lossTitle: '訓練損失',
  lossSeries: (k) => (k > 1 ? `損失（每 ${k} 步平均）` : '損失'),
  stepAxis: '步數',
  nllTitle: '保留樣本 NLL（奈特）',
  nllSeries: '保留樣本 NLL',
  entropySeries: '目標分布的熵',
  checkTitle: (gap) => (gap === null ? '軌跡檢查：請點選一個粒子' : `軌跡檢查：最大差距 ${gap}`),
  noData: '尚無資料',
  checkHint: '點選一個粒子（或讓圖取得焦點後按 Enter）即可追蹤它。',
  checkFrom: (i, x, y) => `粒子 ${i}，起點 (${x}, ${y})`,
  checkDone: (from, gap) => `${from}：d/dt log |det J| 與 div v 的最大差距為 ${gap}。`,
  checking: (from) => `${from}：檢查中…`,

  readouts: {
    step: ['訓練步數', '已進行的流匹配訓練步數'],
    loss: ['損失', '流匹配損失，最近 50 步的平均'],
    nll: ['保留樣本 NLL', '模型對保留的目標樣本所給的負對數概似，單位為奈特'],
    entropy: ['目標分布的熵', '任何模型所能達到的最低 NLL，單位為奈特（僅部分目標已知）'],
    kl: ['KL(目標 ‖ 模型)', 'NLL 減去熵，單位為奈特'],
    mass: ['總質量（尤拉）', '尤拉密度在網格上的積分，等於 1 減去已流出網格的質量'],
    outflow: ['外流', '經由邊界流出尤拉網格的質量'],
    l1: ['L1 差距', '|拉格朗日 p − 尤拉 p| 的積分，在拉格朗日 p 為精確值的網格頂點上計算'],
    maxRelative: ['最大相對差距', '在 p 大於其峰值 1e-3 倍的頂點上，|尤拉 − 拉格朗日| / 拉格朗日 的最大值'],
    params: ['參數數量', '網路的權重與偏差項總數'],
  },
  nats: (value) => `${value} 奈特`,
  natsAt: (value, step) => `${value} 奈特（第 ${step} 步）`,
  counter: (step, loss) => `第 ${step} 步${loss ? ` · 損失 ${loss}` : ''}`,
  status: (target, state, step) =>
    `${target} · ${{ training: '訓練中', paused: '已暫停', finished: '訓練完成' }[state]}，第 ${step} 步`,
  statusNoModel: '尚未建立模型',
  coreVersion: (version) => `FlowLab 核心 ${version}`,
  loading: '正在載入 WebAssembly 核心…',

  cancel: '取消',
  cancelTask: (task) => `取消「${task}」`,
  trainingTo: (goal) => `訓練至第 ${goal} 步`,
  moving: '正在移動粒子',
  computingDensities: '正在計算所有時間點的兩種密度圖',

  context: {
    train: '訓練已停止：',
    frames: '無法移動粒子：',
    densities: '無法計算密度圖：',
    configure: '無法建立模型：',
    trajectory: '軌跡檢查失敗：',
    field: '無法計算向量場：',
    setLearningRate: '無法變更學習率：',
    save: '無法為密度圖複製網路：',
    adopt: '密度計算的背景執行緒無法載入網路：',
  },
  after: { train: '圖中顯示的是這個網路；按「訓練」會從它繼續，按「重設」則從頭開始。' },
  endSentence: period,
  needPoints: (drawn, draw, meanwhile) =>
    `${drawn ? `請在圖上畫出至少 ${draw} 個點` : '請選擇一個存放點座標的 CSV 檔'}，接著就會學習這些點。` +
    `${meanwhile ? '在那之前，圖中仍顯示先前的目標。' : ''}`,
  configureFailed: (reason) => `${period(reason)}圖中仍顯示先前的模型。`,
  weightsRefused: (reason) => `隨附的已訓練權重無法使用（${reason}），網路從未訓練的狀態開始。`,
  initFailed: (reason) => `WebAssembly 核心載入失敗：${reason}`,
  hashBad: (list) => `連結中有無法使用的設定：${list}。`,
  attributesBad: (list) => `有些設定無法使用：${list}。`,

  learn: '學習這幅手繪',
  clear: '清除',
  csvLabel: '點座標的 CSV 檔（兩欄：x 與 y）',
  drawCount: (n) => `在圖上按住並拖曳即可作畫。目前共 ${n} 個點。`,
  drawMin: (n) => `請至少畫 ${n} 個點`,
  csvUnreadable: (name, reason) => `無法讀取 ${name}：${reason}`,
  csvNotLoaded: (name, reasons) => `未載入 ${name}：${reasons}。一切維持原狀。`,
  csvReading: (name) => `正在讀取 ${name}`,
  csvLoaded: (name, notes) => `已載入 ${name}：${notes}。`,
  csvCancelled: (name) => `已取消讀取 ${name}。一切維持原狀。`,
};
