// The words of the marginal-field figure in both languages. Written into the page with
// kit/subscripts.js: x_t is x with a subscript t, v_{θ} v with a subscript θ.

const number = (v, digits = 3) => (Number.isFinite(v) ? v.toPrecision(digits) : '—');
const vector = (v) => (v ? `(${number(v[0])}, ${number(v[1])})` : '—');
/** An estimate ± the larger of its two coordinates' standard errors. */
const withError = (v, se) => `${vector(v)} ± ${number(Math.max(...se), 1)}`;
const count = (n) => n.toLocaleString('en');
const effectively = (e) => (e < 10 ? number(e, 2) : count(Math.round(e)));

export const MARGINAL_STRINGS = {
  en: {
    slider: 'Time t',
    time: (t) => `t = ${t.toFixed(2)}`,
    pairs: 'Flow matching: pairs, lines, targets x_1 − x_0',
    exact: 'Exact: p_t and u_t(x) = E[x_1 − x_0 | x_t = x]',
    learned: 'Learned: p_t of the model and v_{θ}(x, t)',
    error: 'Error |v_{θ} − u_t| where p_t has mass',
    noise: 'x_0 (noise)',
    data: 'x_1 (data)',
    moving: 'x_t and x_1 − x_0',
    through: 'lines through x; their average (thick; faint if unreliable)',
    exactArrow: 'exact u_t(x)',
    vector,
    keys: {
      point: 'point x (click or drag to move)',
      exact: 'exact u_t(x)',
      average: 'average of the targets through x',
      learned: 'learned v_{θ}(x, t)',
      relative: 'mean error under p_t: E|v_{θ} − u_t|',
      mass: '∫ p_t dx on the grid: exact, learned',
    },
    averageValue: (v, se, effective) => `${withError(v, se)} · ${effectively(effective)} effective lines`,
    unreliable: (v, effective) => `${vector(v)}, unreliable: ${effectively(effective)} effective line${effective < 1.5 ? '' : 's'}`,
    masses: (exact, learned) => `${number(exact, 4)}, ${number(learned, 4)}`,
    errors: (error, relative, speed) => `${number(error)} (${number(100 * relative, 2)} % of E|u_t| = ${number(speed)})`,
    loading: 'Loading the core…',
    training: (done, total, loss) => `Training the network by flow matching: step ${done} of ${total}, loss ${number(loss)}`,
    trainingTask: 'Training',
    computing: (t) => `Computing the exact and learned fields at t = ${t.toFixed(2)}…`,
    ready: (steps, loss) => `Trained for ${steps} steps (loss ${number(loss)}). Move t; click a panel to pick a point.`,
    failed: (message) => `Something went wrong: ${message}`,
    caption:
      'The 8 Gaussians on the straight path x_t = (1 − t) x_0 + t x_1. First panel: pairs of noise x_0 and data ' +
      'x_1 drawn independently, their lines, and at x_t the target x_1 − x_0 (arrows at a fifth of their length). ' +
      'Through the chosen point x passes one line per data sample x_1 (100 000 of them), with target ' +
      '(x_1 − x)/(1 − t) and weight the posterior of x_1 given x_t = x, ∝ N(x_0; 0, I) of its start. Their ' +
      'weighted average (orange, ± one standard error) estimates the marginal field u_t(x), whose closed form ' +
      '(dark) the other panels show over the exact p_t, beside the field v_{θ} learned from the single targets ' +
      'and its density. Late in t only samples near x/t carry weight: where p_t has almost no mass too few ' +
      'lines count, and the average is marked unreliable (drawn faint). The error map is empty where p_t is ' +
      'below 1/1000 of its peak: no training point comes there.',
  },
  'zh-Hant': {
    slider: '時間 t',
    time: (t) => `t = ${t.toFixed(2)}`,
    pairs: '流匹配：配對、直線、目標 x_1 − x_0',
    exact: '精確：p_t 與 u_t(x) = E[x_1 − x_0 | x_t = x]',
    learned: '學到的：模型的 p_t 與 v_{θ}(x, t)',
    error: '誤差 |v_{θ} − u_t|（p_t 有質量之處）',
    noise: 'x_0（雜訊）',
    data: 'x_1（資料）',
    moving: 'x_t 與 x_1 − x_0',
    through: '通過 x 的直線；其平均（粗箭頭；不可靠時較淡）',
    exactArrow: '精確 u_t(x)',
    vector,
    keys: {
      point: '點 x（點選或拖曳以移動）',
      exact: '精確 u_t(x)',
      average: '通過 x 的目標之平均',
      learned: '學到的 v_{θ}(x, t)',
      relative: '在 p_t 下的平均誤差：E|v_{θ} − u_t|',
      mass: '網格上的 ∫ p_t dx：精確、學到的',
    },
    averageValue: (v, se, effective) => `${withError(v, se)} · 有效直線 ${effectively(effective)} 條`,
    unreliable: (v, effective) => `${vector(v)}，不可靠：有效直線僅 ${effectively(effective)} 條`,
    masses: (exact, learned) => `${number(exact, 4)}、${number(learned, 4)}`,
    errors: (error, relative, speed) => `${number(error)}（E|u_t| = ${number(speed)} 的 ${number(100 * relative, 2)} %）`,
    loading: '載入計算核心…',
    training: (done, total, loss) => `以流匹配訓練網路：第 ${done} / ${total} 步，損失 ${number(loss)}`,
    trainingTask: '訓練中',
    computing: (t) => `計算 t = ${t.toFixed(2)} 的精確與學到的向量場…`,
    ready: (steps, loss) => `已訓練 ${steps} 步（損失 ${number(loss)}）。請移動 t；點選任一面板以選取一點。`,
    failed: (message) => `發生錯誤：${message}`,
    caption:
      '直線路徑 x_t = (1 − t) x_0 + t x_1 上的 8 個高斯分布。第一個面板：獨立抽出的雜訊 x_0 與資料 x_1 的配對、' +
      '它們的直線，以及在 x_t 處的目標 x_1 − x_0（箭頭畫成實際長度的五分之一）。每個資料樣本 x_1（共 100 000 個）' +
      '都有一條直線通過所選的點 x，目標是 (x_1 − x)/(1 − t)，權重是給定 x_t = x 時 x_1 的後驗機率，正比於其起點的 ' +
      'N(x_0; 0, I)。它們的加權平均（橘色，± 一個標準誤）估計邊際向量場 u_t(x)；其解析式（深色）畫在其他面板的' +
      '精確 p_t 之上，旁邊是只從單一目標學到的 v_{θ} 及其機率密度。時間越晚，只有 x/t 附近的樣本有權重：' +
      '在 p_t 幾乎沒有質量之處，起作用的直線太少，平均便標為不可靠（畫得較淡）。' +
      '誤差圖在 p_t 低於其峰值千分之一處留白：沒有訓練點會落在那裡。',
  },
};
