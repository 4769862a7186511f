// FlowLab's settings, kept in the URL hash so that every figure can be shared as a link. Labels
// are { en, 'zh-Hant' } (lab/strings.js textOf picks one); a plain string reads alike in both. The
// values written in the hash are the English keys, whatever the language. An enum's `details` say
// what each choice does, where its short label cannot (lab/controls.js shows them).
import { defineSettings } from './kit/settings.js';

const FIXED_STEP = ['euler', 'midpoint', 'rk4'];
const both = (en, zh) => ({ en, 'zh-Hant': zh });

export const LAB_SETTINGS = defineSettings([
  {
    key: 'target',
    type: 'enum',
    label: both('Target distribution', '目標分布'),
    default: '8gaussians',
    values: [
      '8gaussians',
      'moons',
      'checkerboard',
      'pinwheel',
      '2spirals',
      'circles',
      'rings',
      'swissroll',
      'drawn',
      'csv',
    ],
    labels: {
      '8gaussians': both('8 Gaussians', '8 個高斯分布'),
      moons: both('Two moons', '雙月形'),
      checkerboard: both('Checkerboard', '棋盤格'),
      pinwheel: both('Pinwheel', '風車'),
      '2spirals': both('Two spirals', '雙螺旋'),
      circles: both('Concentric circles', '同心圓'),
      rings: both('Rings', '圓環'),
      swissroll: both('Swiss roll', '瑞士捲'),
      drawn: both('Drawn by hand', '手繪'),
      csv: both('From a CSV file', '從 CSV 檔載入'),
    },
  },
  {
    key: 'path',
    type: 'enum',
    label: both('Probability path', '機率路徑'),
    default: 'linear',
    values: ['linear', 'vp'],
    labels: {
      linear: both('Linear (conditional OT path)', '線性（條件最佳傳輸路徑）'),
      vp: both('Variance preserving', '保持變異數（擴散）'),
    },
  },
  {
    key: 'coupling',
    type: 'enum',
    label: both('Coupling of noise and data', '雜訊與資料的配對'),
    default: 'independent',
    values: ['independent', 'ot', 'reflow'],
    labels: {
      independent: both('Independent', '獨立配對'),
      ot: both('Minibatch OT', '小批次最佳傳輸'),
      reflow: both('Reflow', '再流'),
    },
    // What each choice does: the options' tooltips, and a line under the select for a choice
    // other than the default.
    details: {
      independent: both(
        'Noise x₀ and data x₁ drawn independently: plain flow matching.',
        '雜訊 x₀ 與資料 x₁ 各自獨立抽出：一般的流匹配。',
      ),
      ot: both(
        'Each batch paired by exact optimal transport: straighter paths, training 2–3× slower.',
        '每個批次以精確的最佳傳輸配對：路徑較直，訓練約慢 2–3 倍。',
      ),
      reflow: both(
        "2000 steps on independent pairs, then on the model's own pairs x₀ → ODE(x₀): straighter paths.",
        '先以獨立配對訓練 2000 步，再改用模型自己的配對 x₀ → ODE(x₀)：路徑更直。',
      ),
    },
  },
  { key: 'width', type: 'int', label: both('Hidden units per layer', '每層隱藏單元數'), default: 64, min: 8, max: 256 },
  { key: 'depth', type: 'int', label: both('Hidden layers', '隱藏層數'), default: 3, min: 1, max: 8 },
  {
    key: 'activation',
    type: 'enum',
    label: both('Activation', '活化函數'),
    default: 'silu',
    values: ['silu', 'tanh', 'softplus'],
    labels: { silu: 'SiLU', tanh: 'tanh', softplus: 'softplus' },
  },
  { key: 'lr', type: 'float', label: both('Learning rate', '學習率'), default: 1e-3, min: 1e-5, max: 1e-1 },
  { key: 'batch', type: 'int', label: both('Batch size', '批次大小'), default: 256, min: 16, max: 4096 },
  {
    key: 'solver',
    type: 'enum',
    label: both('ODE solver', 'ODE 求解器'),
    default: 'rk4',
    values: ['euler', 'midpoint', 'rk4', 'dopri5'],
    labels: {
      euler: both('Euler', '尤拉法'),
      midpoint: both('Midpoint', '中點法'),
      rk4: both('Runge-Kutta 4', '四階 Runge-Kutta 法'),
      dopri5: both('DOPRI5 (adaptive)', 'DOPRI5（自適應）'),
    },
  },
  {
    key: 'steps',
    type: 'int',
    label: both('Solver steps', '求解器步數'),
    default: 20,
    min: 1,
    max: 1000,
    dependsOn: { solver: FIXED_STEP },
  },
  {
    key: 'rtol',
    type: 'float',
    label: both('Relative tolerance', '相對容許誤差'),
    default: 1e-5,
    min: 1e-10,
    max: 1e-1,
    dependsOn: { solver: 'dopri5' },
  },
  {
    key: 'atol',
    type: 'float',
    label: both('Absolute tolerance', '絕對容許誤差'),
    default: 1e-5,
    min: 1e-12,
    max: 1e-1,
    dependsOn: { solver: 'dopri5' },
  },
  {
    key: 'cells',
    type: 'enum',
    label: both('Eulerian grid', '尤拉網格'),
    default: '128',
    values: ['128', '256'],
    labels: {
      128: both('128 × 128 cells', '128 × 128 格'),
      256: both('256 × 256 cells', '256 × 256 格'),
    },
    details: {
      128: both('The continuity equation solved on 128 × 128 cells.', '在 128 × 128 格上解連續性方程式。'),
      256: both('Finer, and about 8× the work of 128 × 128 cells.', '較細，計算量約為 128 × 128 格的 8 倍。'),
    },
  },
  { key: 'seed', type: 'seed', label: both('Random seed', '隨機種子'), default: 0 },
  { key: 't', type: 'float', label: both('Time t', '時間 t'), default: 1, min: 0, max: 1 },
  { key: 'trails', type: 'bool', label: both('Trajectories behind the particles', '在粒子後方畫出軌跡'), default: true },
  {
    key: 'views',
    type: 'set',
    label: both('Figures shown', '顯示的圖'),
    default: ['flow', 'field', 'density', 'plots'],
    values: ['flow', 'field', 'density', 'plots'],
    labels: {
      flow: both('Particles', '粒子'),
      field: both('Vector field', '向量場'),
      density: both('Density', '機率密度'),
      plots: both('Training curves', '訓練曲線'),
    },
  },
]);
