// The words of the ODE-as-SDE figure in both languages. The panel titles are drawn on a canvas
// (Unicode subscripts: uₜ); the rest is written with kit/subscripts.js (p_t is p with a subscript t).

/** v with `digits` decimals, without the sign of a negative zero ('-0.0' reads as '0.0'). */
const fixed = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits).replace(/^-(0\.?0*)$/, '$1') : '—');
/** One sampler against exact: means, variances, the worst difference in standard errors (`se`). */
const agreement = (label, se, { mean, variance, worst }) =>
  `${label}${label.endsWith('：') ? '' : ' '}(${fixed(mean[0], 2)}, ${fixed(mean[1], 2)}) · ${fixed(variance[0], 2)}, ${fixed(variance[1], 2)} · ` +
  `${fixed(worst, 1)} ${se}`;
const exactLine = (label, e) => `${label} (${fixed(e[0], 2)}, ${fixed(e[1], 2)}) · ${fixed(e[2], 2)}, ${fixed(e[4], 2)}`;
const apart = (list) => list.map(({ epsilon, distance }) => `ε ${epsilon}: ${fixed(distance, 2)}`).join(' · ');

export const ODE_SDE_STRINGS = {
  en: {
    ode: 'ODE dx = uₜ dt (RK4)', // drawn on a canvas: Unicode subscripts
    sde: (epsilon) => `SDE, ε = ${epsilon} (Euler–Maruyama)`,
    time: (t) => `t = ${fixed(t, 2)}`,
    slider: 'Time t (0 = noise N(0, I), 1 = data)',
    play: 'Play',
    pause: 'Pause',
    resample: 'New samples',
    noise: 'Noise ε',
    keys: {
      exact: 'exact p_t: mean · variances x, y',
      ode: 'ODE: mean · variances · worst |z|',
      sde: 'SDEs: mean · variances · worst |z|',
      apart: 'paths: mean distance to the ODE point',
    },
    exact: (e) => exactLine('mean', e),
    agreement: (a) => agreement('mean', 'SE', a),
    sdes: (list) => list.map(({ epsilon, a }) => agreement(`ε ${epsilon}:`, 'SE', a)).join('\n'),
    apart,
    loading: 'Loading the core…',
    preview: 'A first, small sample; the full one is being computed…',
    computing: 'Sampling with the ODE and the SDEs',
    ready: (n, steps) =>
      `${n} points, ${steps} steps each, all from the same noise. |z| is the largest difference from the exact ` +
      'mean or variance of x or y, in standard errors of the sample.',
    failed: (message) => `Something went wrong: ${message}`,
    caption:
      'The linear path from N(0, I) to the 8 Gaussians with the exact marginal velocity u_t. Left: its ODE. Right: ' +
      'the SDE dx = [u_t + ½ε² ∇log p_t] dt + ε dW, with the score from the velocity, ∇log p_t(x) = (t u_t(x) − x)/(1 − t). ' +
      'The clouds agree with the exact p_t at every t for every ε; the highlighted paths from the same start do not.',
  },
  'zh-Hant': {
    ode: 'ODE dx = uₜ dt（RK4）',
    sde: (epsilon) => `SDE，ε = ${epsilon}（Euler–Maruyama）`,
    time: (t) => `t = ${fixed(t, 2)}`,
    slider: '時間 t（0 = 雜訊 N(0, I)，1 = 資料）',
    play: '播放',
    pause: '暫停',
    resample: '重新抽樣',
    noise: '雜訊 ε',
    keys: {
      exact: '精確的 p_t：平均 · x、y 的變異數',
      ode: 'ODE：平均 · 變異數 · 最大 |z|',
      sde: 'SDE：平均 · 變異數 · 最大 |z|',
      apart: '路徑：與 ODE 點的平均距離',
    },
    exact: (e) => exactLine('平均', e),
    agreement: (a) => agreement('平均', '個標準誤', a),
    sdes: (list) => list.map(({ epsilon, a }) => agreement(`ε ${epsilon}：`, '個標準誤', a)).join('\n'),
    apart,
    loading: '載入計算核心…',
    preview: '先畫一小批樣本；完整的樣本計算中…',
    computing: '以 ODE 與各個 SDE 抽樣',
    ready: (n, steps) =>
      `${n} 個點，各 ${steps} 步，全都從同一批雜訊出發。|z| 是 x 或 y 的平均、變異數與精確值之差的最大者，` +
      '以樣本的標準誤為單位。',
    failed: (message) => `發生錯誤：${message}`,
    caption:
      '從 N(0, I) 到 8 個高斯分布的線性路徑，使用精確的邊際速度 u_t。左：它的 ODE。右：SDE ' +
      'dx = [u_t + ½ε² ∇log p_t] dt + ε dW，分數由速度求得：∇log p_t(x) = (t u_t(x) − x)/(1 − t)。' +
      '對每個 ε，點雲在每個 t 都與精確的 p_t 一致；從同一起點出發的標示路徑卻不相同。',
  },
};
