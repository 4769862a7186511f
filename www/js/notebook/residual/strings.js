// The words of the residual-flow figure in both languages.

const number = (v, digits = 3) => (Number.isFinite(v) ? v.toPrecision(digits) : '—');

export const RESIDUAL_STRINGS = {
  en: {
    slider: 'Residual steps K',
    residual: (k) => `residual flow, K = ${k}`,
    ode: 'ODE dx/dt = u (DOPRI5)',
    base: 'base points x₀ ~ N(0, I)',
    corner: (k) => `K = ${k}, h = 1/${k}`,
    pending: (k) => `K = ${k}: computing…`,
    plotTitle: 'Error at t = 1 against K',
    xLabel: 'log₂ K',
    yLabel: 'error',
    position: 'position RMS error',
    density: 'mean |Δ log p|',
    reference: 'slope −1 (first order)',
    keys: {
      k: 'K',
      h: 'step h',
      position: 'position RMS error',
      density: 'mean |log p_K − log p_ODE|',
      order: 'observed order log₂(e_{K/2} / e_K)',
      invertible: 'every step invertible',
    },
    yes: 'yes',
    folded: 'no: det(I + h ∂u/∂x) ≤ 0 somewhere',
    foldedShort: 'a step folds the plane: not invertible',
    loading: 'Loading the core…',
    training: (done, total, loss) => `Training u(x, t) by flow matching: step ${done} of ${total}, loss ${number(loss)}`,
    trainingTask: 'Training',
    levels: 'Pushing the points through every K and integrating the ODE with DOPRI5…',
    levelsTask: 'Residual flows',
    ready: (steps, loss) => `Trained for ${steps} steps (loss ${number(loss)}). Move the slider.`,
    failed: (message) => `Something went wrong: ${message}`,
    caption:
      'Left: samples of N(0, I) pushed by K residual steps x_{k+1} = x_k + h u(x_k, t_k) with h = 1/K ' +
      '(orange) and by the ODE dx/dt = u(x, t) (blue); a few points show their paths, K straight ' +
      'segments against a smooth curve. Right: both errors halve each time K doubles, the slope −1 ' +
      'of a first-order method: a residual flow is Euler’s method on the ODE. With K = 1 the single step ' +
      'x + u(x, 0) sends every point near the data’s mean E[x₁] (the exact field at t = 0 is E[x₁] − x): ' +
      'the map folds the plane, is not invertible, and the change of variables no longer gives a density ' +
      '(a residual step needs h · Lip(u) < 1).',
  },
  'zh-Hant': {
    slider: '殘差步數 K',
    residual: (k) => `殘差流，K = ${k}`,
    ode: 'ODE dx/dt = u（DOPRI5）',
    base: '基礎點 x₀ ~ N(0, I)',
    corner: (k) => `K = ${k}，h = 1/${k}`,
    pending: (k) => `K = ${k}：計算中…`,
    plotTitle: 't = 1 的誤差與 K 的關係',
    xLabel: 'log₂ K',
    yLabel: '誤差',
    position: '位置均方根誤差',
    density: '|Δ log p| 的平均',
    reference: '斜率 −1（一階）',
    keys: {
      k: 'K',
      h: '步長 h',
      position: '位置均方根誤差',
      density: '|log p_K − log p_ODE| 的平均',
      order: '觀測階數 log₂(e_{K/2} / e_K)',
      invertible: '每一步皆可逆',
    },
    yes: '是',
    folded: '否：某處 det(I + h ∂u/∂x) ≤ 0',
    foldedShort: '某一步把平面摺疊：不可逆',
    loading: '載入計算核心…',
    training: (done, total, loss) => `以流匹配訓練 u(x, t)：第 ${done} / ${total} 步，損失 ${number(loss)}`,
    trainingTask: '訓練中',
    levels: '將點推過每一個 K 的殘差步，並以 DOPRI5 積分 ODE…',
    levelsTask: '殘差流',
    ready: (steps, loss) => `已訓練 ${steps} 步（損失 ${number(loss)}）。請拖曳滑桿。`,
    failed: (message) => `發生錯誤：${message}`,
    caption:
      '左：N(0, I) 的樣本經 K 個殘差步 x_{k+1} = x_k + h u(x_k, t_k)（h = 1/K，橘色）與經 ODE ' +
      'dx/dt = u(x, t)（藍色）推送後的位置；少數幾個點畫出路徑，K 段直線對照一條平滑曲線。' +
      '右：K 每加倍，兩種誤差都減半，即一階方法的斜率 −1：殘差流正是對這個 ODE 用尤拉法。' +
      'K = 1 時唯一的一步 x + u(x, 0) 把所有點送到資料平均 E[x₁] 附近（t = 0 的精確場是 E[x₁] − x）：' +
      '這個映射把平面摺疊起來，不可逆，變數變換公式也不再給出密度（殘差步需要 h · Lip(u) < 1）。',
  },
};
