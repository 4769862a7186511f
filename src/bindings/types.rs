//! The TypeScript types of the exports' arguments, for pkg/flowlab.d.ts. Every export takes
//! `JsValue` (so that args.rs checks each value itself); `unchecked_param_type` names the type a
//! caller should pass, and these declarations spell it out. Options are all optional: a missing
//! field keeps its default, an unknown one is an error.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Numbers: a Float64Array or an array of numbers. */
export type Numbers = Float64Array | number[];
/** f32 values: a Float32Array or an array of numbers. */
export type Floats = Float32Array | number[];
/** Counts: a Uint32Array or an array of integers in 0..=2^32 - 1. */
export type Counts = Uint32Array | number[];
/** Interleaved (x, y) points [x0, y0, x1, y1, ...]. */
export type Points = Float64Array | number[];
/** A box [xmin, xmax, ymin, ymax]. */
export type Box = [number, number, number, number];
/** How to integrate: a fixed-step method with `steps`, or adaptive dopri5 with tolerances. */
export interface MethodOptions {
  method?: 'euler' | 'midpoint' | 'rk4' | 'dopri5';
  steps?: number;
  rtol?: number;
  atol?: number;
}
/** A FlowModel: its target, probability path, coupling of noise and data, network and training. */
export interface ModelOptions {
  target?: string;
  /** The points of target 'points'. */
  points?: Points;
  jitter?: number;
  path?: string;
  sigma_min?: number;
  coupling?: 'independent' | 'ot' | 'reflow';
  width?: number;
  depth?: number;
  activation?: string;
  lr?: number;
  batch?: number;
  seed?: number;
}
/** A CouplingModel (RealNVP-style coupling flow trained by maximum likelihood). */
export interface CouplingOptions {
  target?: string;
  layers?: number;
  width?: number;
  depth?: number;
  activation?: string;
  scale_bound?: number;
  lr?: number;
  batch?: number;
  seed?: number;
}
/** Held-out evaluation: the sample's size and seed. */
export interface EvaluateOptions {
  n?: number;
  seed?: number;
}
/** FlowModel.integrate: the start time, the times reported, and whether to carry log|det J|. */
export interface IntegrateOptions extends MethodOptions {
  t0?: number;
  times?: Numbers;
  log_det?: boolean;
}
/** FlowModel.log_density: at time t, exact or by Hutchinson's estimator. */
export interface DensityOptions extends MethodOptions {
  t?: number;
  estimator?: 'exact' | 'hutchinson';
  probe?: 'rademacher' | 'gaussian';
  seed?: number;
}
/** The Eulerian grid: cells per side, its box, the CFL number. */
export interface GridOptions {
  cells?: number;
  box?: Box;
  cfl?: number;
}
/** The Lagrangian mesh: vertices per side and its box. */
export interface MeshOptions {
  n?: number;
  box?: Box;
}
/** EulerianView.compare: the density below which cells are left out. */
export interface CompareOptions {
  threshold?: number;
}
/** trajectory_check: how many times along the path. */
export interface CheckOptions extends MethodOptions {
  samples?: number;
}
/** change_of_variables_1d's curves, samples and ticks. */
export interface LineOptions {
  points?: number;
  samples?: number;
  seed?: number;
  ticks?: number;
  tick_range?: number;
}
/** The maps of the plane change_of_variables_2d knows. */
export type PlaneMap = 'wave' | 'swirl' | 'radial' | 'sinh' | 'affine';
/** hutchinson_study: time, probe distribution, probes per estimate, estimates, seed. */
export interface StudyOptions extends MethodOptions {
  t?: number;
  probe?: 'rademacher' | 'gaussian';
  probes?: number;
  repeats?: number;
  seed?: number;
}
/** steps_study: one scheme at budgets of evaluations; samples, tracked paths, seed. */
export interface StepsOptions {
  scheme?: 'euler' | 'midpoint' | 'rk4' | 'dopri5';
  nfes?: number[];
  n?: number;
  tracked?: number;
  seed?: number;
}
/** change_of_variables_2d's density cells, grid lines and samples. */
export interface PlaneOptions {
  cells?: number;
  lines?: number;
  samples?: number;
  seed?: number;
}
"#;
