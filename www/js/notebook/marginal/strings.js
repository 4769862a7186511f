// The words of the marginal-field figure in both languages.

const number = (v, digits = 3) => (Number.isFinite(v) ? v.toPrecision(digits) : '—');
const vector = (v) => (v ? `(${number(v[0])}, ${number(v[1])})` : '—');

export const MARGINAL_STRINGS = {
  en: {
    slider: 'Time t',
    time: (t) => `t = ${t.toFixed(2)}`,
    pairs: 'Flow matching: pairs, lines, targets x₁ − x₀',
    exact: 'Exact: p_t and u_t(x) = E[x₁ − x₀ | x_t = x]',
    learned: 'Learned: p_t of the model and v_θ(x, t)',
    error: 'Error |v_θ − u_t| where p_t has mass',
    errorBar: '|v_θ − u_t|',
    noise: 'x₀ (noise)',
    data: 'x₁ (data)',
    moving: 'x_t and x₁ − x₀',
    through: 'lines through x; their average (thick)',
    exactArrow: 'exact u_t(x)',
    vector,
    keys: {
      point: 'point x (click or drag to move)',
      exact: 'exact u_t(x)',
      average: 'average of the targets through x',
      learned: 'learned v_θ(x, t)',
      relative: 'mean error under p_t: E|v_θ − u_t|',
      mass: '∫ p_t dx on the grid: exact, learned',
    },
    averageValue: (v, n, effective) => `${vector(v)} from ${n} lines (effectively ${Math.round(effective)})`,
    masses: (exact, learned) => `${number(exact, 4)}, ${number(learned, 4)}`,
    errors: (error, relative, speed) => `${number(error)} (${number(100 * relative, 2)} % of E|u_t| = ${number(speed)})`,
    loading: 'Loading the core…',
    training: (done, total, loss) => `Training v_θ by flow matching: step ${done} of ${total}, loss ${number(loss)}`,
    trainingTask: 'Training',
    computing: (t) => `Computing the exact and learned fields at t = ${t.toFixed(2)}…`,
    ready: (steps, loss) => `Trained for ${steps} steps (loss ${number(loss)}). Move t; click a panel to pick a point.`,
    failed: (message) => `Something went wrong: ${message}`,
    caption:
      'The 8 Gaussians on the straight path x_t = (1 − t) x₀ + t x₁. First panel: pairs of noise x₀ and data ' +
      'x₁ drawn independently, their straight lines, and at x_t the regression target x₁ − x₀ (every arrow is ' +
      'drawn at a fifth of its length). Through the chosen point x passes one line for each data sample x₁; ' +
      'its target is (x₁ − x)/(1 − t) and its weight is the posterior of x₁ given x_t = x, proportional to ' +
      'N(x₀; 0, I) of the line’s own start. Their weighted average (orange) is the marginal field u_t(x), ' +
      'whose closed form (dark) the other panels show over the exact density p_t, next to the field v_θ the ' +
      'network learned from the single targets alone and the density its ODE gives. The error map is left ' +
      'empty where p_t is below a thousandth of its peak: no training point comes there at time t.',
  },
  'zh-Hant': {
    slider: '時間 t',
    time: (t) => `t = ${t.toFixed(2)}`,
    pairs: '流匹配：配對、直線、目標 x₁ − x₀',
    exact: '精確：p_t 與 u_t(x) = E[x₁ − x₀ | x_t = x]',
    learned: '學到的：模型的 p_t 與 v_θ(x, t)',
    error: '誤差 |v_θ − u_t|（p_t 有質量之處）',
    errorBar: '|v_θ − u_t|',
    noise: 'x₀（雜訊）',
    data: 'x₁（資料）',
    moving: 'x_t 與 x₁ − x₀',
    through: '通過 x 的直線；其平均（粗箭頭）',
    exactArrow: '精確 u_t(x)',
    vector,
    keys: {
      point: '點 x（點選或拖曳以移動）',
      exact: '精確 u_t(x)',
      average: '通過 x 的目標之平均',
      learned: '學到的 v_θ(x, t)',
      relative: '在 p_t 下的平均誤差：E|v_θ − u_t|',
      mass: '網格上的 ∫ p_t dx：精確、學到的',
    },
    averageValue: (v, n, effective) => `${vector(v)}，來自 ${n} 條直線（有效數 ${Math.round(effective)}）`,
    masses: (exact, learned) => `${number(exact, 4)}、${number(learned, 4)}`,
    errors: (error, relative, speed) => `${number(error)}（E|u_t| = ${number(speed)} 的 ${number(100 * relative, 2)} %）`,
    loading: '載入計算核心…',
    training: (done, total, loss) => `以流匹配訓練 v_θ：第 ${done} / ${total} 步，損失 ${number(loss)}`,
    trainingTask: '訓練中',
    computing: (t) => `計算 t = ${t.toFixed(2)} 的精確與學到的向量場…`,
    ready: (steps, loss) => `已訓練 ${steps} 步（損失 ${number(loss)}）。請移動 t；點選任一面板以選取一點。`,
    failed: (message) => `發生錯誤：${message}`,
    caption:
      '直線路徑 x_t = (1 − t) x₀ + t x₁ 上的 8 個高斯分布。第一個面板：獨立抽出的雜訊 x₀ 與資料 x₁ 的配對、' +
      '它們的直線，以及在 x_t 處的迴歸目標 x₁ − x₀（所有箭頭都畫成實際長度的五分之一）。每一個資料樣本 x₁ ' +
      '都恰有一條直線通過所選的點 x；它的目標是 (x₁ − x)/(1 − t)，權重是給定 x_t = x 時 x₁ 的後驗機率，' +
      '正比於該直線起點的 N(x₀; 0, I)。它們的加權平均（橘色）就是邊際向量場 u_t(x)；其解析式（深色）畫在' +
      '其他面板中精確機率密度 p_t 之上，旁邊是網路只從單一目標學到的向量場 v_θ，以及其 ODE 給出的機率密度。' +
      '誤差圖在 p_t 低於其峰值千分之一處留白：在時刻 t，沒有訓練點會落在那裡。',
  },
};
