// The words of the steps-against-quality figure in both languages.

const number = (v, digits = 3) => (Number.isFinite(v) ? v.toPrecision(digits) : '—');

export const STEPS_STRINGS = {
  en: {
    scheme: 'Solver',
    schemes: { euler: 'Euler (order 1)', midpoint: 'midpoint (2)', rk4: 'RK4 (4)', dopri5: 'Dormand–Prince 5' },
    short: { euler: 'Euler', midpoint: 'midpoint', rk4: 'RK4', dopri5: 'DOPRI5' },
    slider: 'Function evaluations (NFE)',
    couplings: { independent: 'independent', ot: 'minibatch OT', reflow: 'reflowed' },
    panel: (coupling, scheme, nfe) => `${coupling}: ${scheme}, NFE ${nfe}`,
    noStep: (coupling, scheme, nfe) => `${coupling}: ${scheme} needs more than ${nfe} evaluations for one step`,
    data: 'held-out data',
    samples: 'samples',
    paths: 'paths (fine RK4)',
    qualityTitle: 'Energy distance to the data against NFE',
    ordersTitle: 'On v = A x: error against NFE',
    nfeAxis: 'log₂ NFE',
    energyAxis: 'energy distance',
    errorAxis: '|x₁ − exp(A) x₀|',
    otDashed: 'dashed: minibatch OT',
    reflowDotted: 'dotted: reflowed',
    slope: (scheme, p) => `${scheme}: slope ${number(p)}`,
    table: {
      caption: (nfe) => `At NFE ${nfe}: energy distance to held-out data and held-out NLL (nats), by the same solver`,
      couplings: { independent: 'independent', ot: 'OT', reflow: 'reflowed' },
      energy: 'energy distance',
      nll: 'NLL',
    },
    keys: {
      nfe: 'NFE budget',
      steps: 'steps of the chosen solver',
      straightIndependent: 'length / chord, independent',
      straightOt: 'length / chord, minibatch OT',
      straightReflow: 'length / chord, reflowed',
      orders: 'observed orders on v = A x',
    },
    loading: 'Loading the core…',
    training: (done, total, loss) =>
      `Training three models (independent pairs, OT pairs, then reflow): step ${done} of ${total}, loss ${number(loss)}`,
    trainingTask: 'Training',
    studying: (done, total) => `Sampling with every solver and budget: ${done} of ${total}`,
    studyTask: 'Solvers',
    ready: 'All three models trained. Move the slider, change the solver.',
    failed: (message) => `Something went wrong: ${message}`,
    caption:
      'Three models of the same 8 Gaussians, trained by flow matching with independent pairs (x₀, x₁), with pairs matched by ' +
      'optimal transport within each minibatch, and reflowed: the first model trained as many steps again on pairs ' +
      '(x₀, φ₁(x₀)) from its own ODE (4096 pairs, RK4 with 20 steps), the rectified flow’s one reflow step. All are ' +
      'sampled with the same budget of function evaluations (NFE) by four solvers: ' +
      'Euler spends 1 evaluation a step, midpoint 2, RK4 4, Dormand–Prince 6. At equal cost a higher order wins once the steps ' +
      'are small enough to resolve the paths; with 1 evaluation only Euler can take a step, and with 2 only Euler and midpoint. ' +
      'The OT model’s paths are straighter (length / chord closer to 1), the reflowed model’s nearly straight, and along a ' +
      'straight path traversed at constant speed one Euler step is exact. So their samples at a small NFE are much closer to the ' +
      'data than the independent model’s. Reflow has a ceiling: it learns the first model’s samples, not the data, so with ' +
      'many steps it is no better than the model it copies. ' +
      'The table also gives the held-out NLL computed by the same solver and budget (the exact divergence integrated backwards); ' +
      'with few steps that number is not the model’s likelihood (the computed density need not integrate to one) and can even ' +
      'come out lower. The energy distance levels off near 0.01, the sampling noise of 500 points against 500. ' +
      'The last plot: the same solvers on the linear field v = A x, whose flow exp(tA) x₀ is known exactly. Their errors fall with ' +
      'slopes 1, 2, 4 and 5 against NFE, the orders of the methods.',
  },
  'zh-Hant': {
    scheme: '求解器',
    schemes: { euler: '尤拉法（一階）', midpoint: '中點法（二階）', rk4: 'RK4（四階）', dopri5: 'Dormand–Prince 五階' },
    short: { euler: '尤拉', midpoint: '中點', rk4: 'RK4', dopri5: 'DOPRI5' },
    slider: '函數求值次數（NFE）',
    couplings: { independent: '獨立配對', ot: '小批次 OT', reflow: '再流' },
    panel: (coupling, scheme, nfe) => `${coupling}：${scheme}，NFE ${nfe}`,
    noStep: (coupling, scheme, nfe) => `${coupling}：${scheme} 走一步就需要超過 ${nfe} 次求值`,
    data: '保留樣本',
    samples: '樣本',
    paths: '路徑（細步 RK4）',
    qualityTitle: '與資料的能量距離對 NFE',
    ordersTitle: '在 v = A x 上：誤差對 NFE',
    nfeAxis: 'log₂ NFE',
    energyAxis: '能量距離',
    errorAxis: '|x₁ − exp(A) x₀|',
    otDashed: '虛線：小批次 OT',
    reflowDotted: '點線：再流',
    slope: (scheme, p) => `${scheme}：斜率 ${number(p)}`,
    table: {
      caption: (nfe) => `NFE ${nfe} 時：與保留樣本的能量距離，以及用同一求解器算出的保留樣本 NLL（奈特）`,
      couplings: { independent: '獨立', ot: 'OT', reflow: '再流' },
      energy: '能量距離',
      nll: 'NLL',
    },
    keys: {
      nfe: 'NFE 預算',
      steps: '所選求解器的步數',
      straightIndependent: '路徑長 / 弦長，獨立配對',
      straightOt: '路徑長 / 弦長，小批次 OT',
      straightReflow: '路徑長 / 弦長，再流',
      orders: '在 v = A x 上觀測到的階數',
    },
    loading: '載入計算核心…',
    training: (done, total, loss) => `訓練三個模型（獨立配對、OT 配對，然後再流）：第 ${done} / ${total} 步，損失 ${number(loss)}`,
    trainingTask: '訓練中',
    studying: (done, total) => `以每個求解器與預算取樣：${done} / ${total}`,
    studyTask: '求解器',
    ready: '三個模型都已訓練完成。請拖曳滑桿或更換求解器。',
    failed: (message) => `發生錯誤：${message}`,
    caption:
      '同樣的 8 個高斯，用流匹配訓練三個模型：一個用獨立配對 (x₀, x₁)，一個在每個小批次內以最佳傳輸配對，' +
      '第三個是再流：把第一個模型再訓練同樣多步，改用它自己的 ODE 產生的配對 (x₀, φ₁(x₀))（4096 對，RK4 走 20 步），也就是整流流的一次再流。' +
      '三者都以相同的函數求值次數（NFE）預算、用四種求解器取樣：尤拉法每步 1 次求值，中點法 2 次，RK4 4 次，Dormand–Prince 6 次。' +
      '成本相同時，只要步長小到足以解析路徑，高階方法就勝出；只有 1 次求值時只有尤拉法走得了一步，2 次時也只有尤拉法與中點法可以。' +
      'OT 模型的路徑較直（路徑長 / 弦長較接近 1），再流模型的路徑幾乎是直線，而沿著以等速走過的直線路徑，一步尤拉法就是精確的；' +
      '所以在 NFE 很小時，它們的樣本比獨立配對模型的更接近資料。再流有個上限：它學的是第一個模型的樣本，而不是資料，' +
      '所以步數多時它不會比它所複製的模型更好。' +
      '表中也列出用同一求解器與預算算出的保留樣本 NLL（把精確散度往回積分）；步數很少時，這個數字並不是模型的概似' +
      '（算出的密度不一定積分為一），甚至可能偏低。能量距離在 0.01 附近持平，那是 500 個點對 500 個點的抽樣雜訊。' +
      '最後一張圖：同樣的求解器作用在線性場 v = A x 上，其流 exp(tA) x₀ 有精確解；誤差對 NFE 的斜率為 1、2、4、5，正是各方法的階數。',
  },
};
