// The words of the Hutchinson figure in both languages.

const number = (v, digits = 3) => (Number.isFinite(v) ? v.toPrecision(digits) : '—');
/** A probability as a percentage with two significant digits: '1.2 %'. */
const percent = (p) => `${(100 * p).toPrecision(2)} %`;

export const HUTCHINSON_STRINGS = {
  en: {
    model: 'Field',
    models: { trained: 'trained flow-matching model (8 Gaussians)', linear: 'linear field v = A x (closed form)' },
    probe: 'Probes',
    probes: { rademacher: 'Rademacher (±1)', gaussian: 'Gaussian N(0, I)' },
    slider: 'Probes per estimate k',
    exactTitle: 'log p₁(x), exact trace',
    estimateTitle: (k) => `log p₁(x), Hutchinson, k = ${k} (one draw)`,
    histTitle: (k) => `Estimates at the marked point, k = ${k}`,
    histX: 'estimate of log p₁(x)',
    exactLine: 'exact',
    meanLine: 'mean ± standard error',
    varianceTitle: 'Variance of the estimate against k',
    varianceX: 'log₂ k',
    varianceY: 'variance',
    measuredPoint: 'measured, at the point',
    predictedPoint: 'closed form Var₁ / k',
    measuredGrid: 'measured, grid mean',
    predictedGrid: 'closed form, grid mean',
    keys: {
      point: 'point x',
      exact: 'exact log p₁(x) (tr B)',
      mean: 'mean of the estimates ± s.e.',
      gap: '|mean − exact| / s.e.',
      variance: 'variance of a k-probe estimate',
      predicted: 'closed form Var₁ / k',
      cost: 'passes per field evaluation',
      costD: 'in d dimensions',
    },
    // The gap z of an unbiased estimate is about N(0, 1); `chance` is P(|N(0, 1)| ≥ z).
    gap: (z, chance) =>
      chance >= 0.05
        ? `${z.toFixed(2)}: within 2 s.e., as expected without bias`
        : chance >= 0.001
          ? `${z.toFixed(2)}: chance alone gives a gap this large in ${percent(chance)} of draws`
          : `${z.toFixed(2)}: more than chance explains (p < 0.001)`,
    cost: (k) => `exact: d = 2 · Hutchinson: k = ${k}`,
    costD: (k) => `exact d (784 for 28×28 images) · Hutchinson ${k}`,
    point: (x, y) => `(${x.toFixed(2)}, ${y.toFixed(2)})`,
    loading: 'Loading the core…',
    training: (done, total, loss) => `Training v(x, t) by flow matching: step ${done} of ${total}, loss ${number(loss)}`,
    trainingTask: 'Training',
    studying: 'Drawing probes at the point and on the grid…',
    studyTask: 'Probes',
    ready: (repeats, evaluations) =>
      `${repeats} estimates at the point for each k; the solver evaluated the field and its Jacobian ${evaluations} times along each path. Click a map to move the point.`,
    failed: (message) => `Something went wrong: ${message}`,
    caption:
      'The log-density of a flow needs the trace of the Jacobian ∂v/∂x along each path: ' +
      'log p₁(x) = log N(x₀) − ∫₀¹ tr ∂v/∂x dt. Computing the trace exactly takes d backward passes ' +
      '(one per coordinate) or the whole Jacobian. Hutchinson’s estimator uses tr A = E[ξᵀAξ] for any ξ with ' +
      'E[ξξᵀ] = I, so one vector-Jacobian product per probe is enough. Keeping ξ fixed along the path gives ' +
      'ξᵀBξ with B = ∫ ∂v/∂x dt: unbiased, but noisy. Left: the exact map and one k-probe estimate. Right: many ' +
      'estimates at the marked point, and their variance, which falls like 1/k. Their mean differs from the exact ' +
      'value by chance: in standard errors the gap is about N(0, 1), above 2 in one draw of 20 and above 2.5 in ' +
      'one of 80, at any number of estimates. For Rademacher probes ' +
      'Var₁ = 2 Σᵢ≠ⱼ Sᵢⱼ² with S = (B + Bᵀ)/2, which in 2D is (B₁₂ + B₂₁)²; for Gaussian probes it is 2‖S‖² (Frobenius norm), never smaller. ' +
      'Training on such an estimate gives a noisy loss whose gradient noise shrinks only like 1/k, at k times the cost. ' +
      'In 2D the exact trace costs as much as 2 probes; the estimator pays off when d is large.',
  },
  'zh-Hant': {
    model: '速度場',
    models: { trained: '流匹配訓練的模型（8 個高斯）', linear: '線性場 v = A x（有解析解）' },
    probe: '探測向量',
    probes: { rademacher: 'Rademacher（±1）', gaussian: '高斯 N(0, I)' },
    slider: '每個估計的探測向量數 k',
    exactTitle: 'log p₁(x)，精確跡',
    estimateTitle: (k) => `log p₁(x)，Hutchinson，k = ${k}（抽一次）`,
    histTitle: (k) => `標記點上的估計值，k = ${k}`,
    histX: 'log p₁(x) 的估計值',
    exactLine: '精確值',
    meanLine: '平均 ± 標準誤',
    varianceTitle: '估計值的變異數與 k 的關係',
    varianceX: 'log₂ k',
    varianceY: '變異數',
    measuredPoint: '實測，在該點',
    predictedPoint: '解析式 Var₁ / k',
    measuredGrid: '實測，網格平均',
    predictedGrid: '解析式，網格平均',
    keys: {
      point: '點 x',
      exact: '精確 log p₁(x)（tr B）',
      mean: '估計值的平均 ± 標準誤',
      gap: '|平均 − 精確| / 標準誤',
      variance: 'k 個探測向量估計的變異數',
      predicted: '解析式 Var₁ / k',
      cost: '每次求值場所需的傳遞次數',
      costD: '在 d 維時',
    },
    gap: (z, chance) =>
      chance >= 0.05
        ? `${z.toFixed(2)}：在 2 個標準誤之內，與不偏相符`
        : chance >= 0.001
          ? `${z.toFixed(2)}：單憑機率，這麼大的差距在 ${percent(chance)} 的抽樣中出現`
          : `${z.toFixed(2)}：超出機率所能解釋（p < 0.001）`,
    cost: (k) => `精確：d = 2 · Hutchinson：k = ${k}`,
    costD: (k) => `精確 d（28×28 影像為 784）· Hutchinson ${k}`,
    point: (x, y) => `(${x.toFixed(2)}, ${y.toFixed(2)})`,
    loading: '載入計算核心…',
    training: (done, total, loss) => `以流匹配訓練 v(x, t)：第 ${done} / ${total} 步，損失 ${number(loss)}`,
    trainingTask: '訓練中',
    studying: '在該點與網格上抽取探測向量…',
    studyTask: '探測向量',
    ready: (repeats, evaluations) =>
      `每個 k 在該點各有 ${repeats} 個估計值；求解器沿每條路徑求值場與其雅可比矩陣 ${evaluations} 次。點擊圖可移動該點。`,
    failed: (message) => `發生錯誤：${message}`,
    caption:
      '流的對數密度需要沿每條路徑的雅可比矩陣 ∂v/∂x 的跡：log p₁(x) = log N(x₀) − ∫₀¹ tr ∂v/∂x dt。' +
      '精確計算跡需要 d 次反向傳遞（每個座標一次），或整個雅可比矩陣。Hutchinson 估計量利用 tr A = E[ξᵀAξ]' +
      '（只要 E[ξξᵀ] = I），每個探測向量只需一次向量–雅可比乘積。讓 ξ 沿路徑固定，得到 ξᵀBξ，其中 B = ∫ ∂v/∂x dt：' +
      '不偏，但有雜訊。左：精確的圖與一次 k 個探測向量的估計。右：標記點上的許多估計值及其變異數，隨 1/k 下降。' +
      '估計值的平均與精確值之差來自機率：以標準誤為單位約為 N(0, 1)，不論估計值有多少，每 20 次抽樣約有 1 次超過 2，' +
      '每 80 次約有 1 次超過 2.5。' +
      'Rademacher 探測向量的 Var₁ = 2 Σᵢ≠ⱼ Sᵢⱼ²，S = (B + Bᵀ)/2，在二維即 (B₁₂ + B₂₁)²；高斯探測向量則是 2‖S‖²（Frobenius 範數），不會更小。' +
      '用這種估計值訓練，損失帶有雜訊，其梯度雜訊只隨 1/k 縮小，代價卻是 k 倍。' +
      '在二維中精確的跡和 2 個探測向量一樣貴；維度 d 很大時這個估計量才划算。',
  },
};
