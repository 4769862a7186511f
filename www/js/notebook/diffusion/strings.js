// The words of the diffusion figure in both languages.

/** v with `digits` decimals, without the sign of a negative zero ('-0.0' reads as '0.0'). */
const fixed = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits).replace(/^-(0\.?0*)$/, '$1') : '—');
/** A difference ± its standard error, and their ratio in units of `unit`. */
const difference =
  (unit) =>
  ({ diff, se, z }) =>
    `${fixed(diff, 3)} ± ${fixed(se, 3)} (${fixed(z, 1)} ${unit})`;

export const DIFFUSION_STRINGS = {
  en: {
    sde: 'reverse-time SDE (Euler–Maruyama)',
    ode: 'probability-flow ODE (RK4)',
    time: (t, last) => (last ? `t = tₘₐₓ = 1 − 10⁻⁵ (data)` : `t = ${fixed(t, 2)}`),
    slider: 'Flow time t (0 = noise N(0, I), 1 = data)',
    play: 'Play',
    pause: 'Pause',
    resample: 'New samples',
    axis: 'Coordinate',
    histTitle: (axis, t) => `Marginal of ${axis} at t = ${fixed(t, 2)}`,
    density: 'density',
    exact: 'exact pₜ', // drawn on a canvas: Unicode subscripts
    keys: {
      means: 'mean: SDE · ODE · exact',
      variances: 'variance: SDE · ODE · exact',
      dmean: 'mean, SDE − ODE',
      dvar: 'variance, SDE − ODE',
      final: 'at t_max, SDE − ODE: each difference in standard errors (within ±2: sampling noise)',
    },
    final: ({ x, y }) =>
      `means x ${fixed(x.mean, 1)} SE, y ${fixed(y.mean, 1)} SE · variances x ${fixed(x.variance, 1)} SE, y ${fixed(y.variance, 1)} SE`,
    triple: (a, b, c) => `${fixed(a, 3)} · ${fixed(b, 3)} · ${fixed(c, 3)}`,
    difference: difference('SE'),
    loading: 'Loading the core…',
    preview: 'A first, small sample; the full one is being computed…',
    computing: 'Sampling with the SDE and the ODE',
    ready: (n, steps) =>
      `${n} points, ${steps} steps each. Both start from the same noise; the differences are measured ` +
      'in standard errors of independent samples.',
    failed: (message) => `Something went wrong: ${message}`,
    caption:
      'The VP diffusion read in flow time t = 1 − τ: noise at t = 0, the 8 Gaussians at t ≈ 1. Left: the ' +
      'reverse-time SDE dx = β (x/2 + ∇log p_t) dt + √β dw, jagged and random. Right: its probability-flow ' +
      'ODE dx/dt = (β/2)(x + ∇log p_t), smooth and deterministic. The score ∇log p_t is exact here (the data ' +
      'are a Gaussian mixture), and both carry the same marginals p_t: the histograms agree with each other ' +
      'and with the exact density at every t.',
  },
  'zh-Hant': {
    sde: '反向時間 SDE（Euler–Maruyama）',
    ode: '機率流 ODE（RK4）',
    time: (t, last) => (last ? `t = tₘₐₓ = 1 − 10⁻⁵（資料）` : `t = ${fixed(t, 2)}`),
    slider: '流時間 t（0 = 雜訊 N(0, I)，1 = 資料）',
    play: '播放',
    pause: '暫停',
    resample: '重新抽樣',
    axis: '座標',
    histTitle: (axis, t) => `t = ${fixed(t, 2)} 時 ${axis} 的邊際分布`,
    density: '密度',
    exact: '精確的 pₜ',
    keys: {
      means: '平均：SDE · ODE · 精確值',
      variances: '變異數：SDE · ODE · 精確值',
      dmean: '平均之差，SDE − ODE',
      dvar: '變異數之差，SDE − ODE',
      final: 't_max 時 SDE − ODE：每個差值以標準誤計（在 ±2 之內即為抽樣雜訊）',
    },
    final: ({ x, y }) =>
      `平均 x ${fixed(x.mean, 1)} 個標準誤、y ${fixed(y.mean, 1)} 個標準誤 · 變異數 x ${fixed(x.variance, 1)} 個標準誤、y ${fixed(y.variance, 1)} 個標準誤`,
    triple: (a, b, c) => `${fixed(a, 3)} · ${fixed(b, 3)} · ${fixed(c, 3)}`,
    difference: difference('個標準誤'),
    loading: '載入計算核心…',
    preview: '先畫一小批樣本；完整的樣本計算中…',
    computing: '以 SDE 與 ODE 抽樣',
    ready: (n, steps) =>
      `${n} 個點，各 ${steps} 步。兩者從相同的雜訊出發；差異以獨立樣本的標準誤為單位。`,
    failed: (message) => `發生錯誤：${message}`,
    caption:
      '以流時間 t = 1 − τ 來看 VP 擴散：t = 0 是雜訊，t ≈ 1 是 8 個高斯分布。左：反向時間 SDE ' +
      'dx = β (x/2 + ∇log p_t) dt + √β dw，路徑曲折而隨機。右：對應的機率流 ODE dx/dt = (β/2)(x + ∇log p_t)，' +
      '路徑平滑且具決定性。此處的分數 ∇log p_t 是精確的（資料是高斯混合），兩者的邊際分布 p_t 相同：' +
      '在每個 t，兩個直方圖彼此一致，也與精確密度一致。',
  },
};
