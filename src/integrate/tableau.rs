//! Butcher tableaus of the explicit Runge-Kutta methods.
//!
//! Stage i evaluates k_i = f(t + c_i h, y + h sum_{j<i} a_ij k_j); the step is
//! y' = y + h sum_i b_i k_i.

/// An explicit Runge-Kutta scheme. `a[i - 1]` holds row i (stages 1..s) of the lower triangle.
pub(crate) struct Tableau {
    pub c: &'static [f64],
    pub a: &'static [&'static [f64]],
    pub b: &'static [f64],
}

impl Tableau {
    pub fn stages(&self) -> usize {
        self.b.len()
    }
}

pub(crate) const EULER: Tableau = Tableau {
    c: &[0.0],
    a: &[],
    b: &[1.0],
};

pub(crate) const MIDPOINT: Tableau = Tableau {
    c: &[0.0, 0.5],
    a: &[&[0.5]],
    b: &[0.0, 1.0],
};

pub(crate) const RK4: Tableau = Tableau {
    c: &[0.0, 0.5, 0.5, 1.0],
    a: &[&[0.5], &[0.0, 0.5], &[0.0, 0.0, 1.0]],
    b: &[1.0 / 6.0, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 6.0],
};

/// Dormand-Prince 5(4). Its last row equals the 5th-order weights b, so stage 7 is evaluated at
/// the new solution and is the first stage of the next step (first same as last, FSAL).
pub(crate) const DOPRI5: Tableau = Tableau {
    c: &[0.0, 1.0 / 5.0, 3.0 / 10.0, 4.0 / 5.0, 8.0 / 9.0, 1.0, 1.0],
    a: &[
        &[1.0 / 5.0],
        &[3.0 / 40.0, 9.0 / 40.0],
        &[44.0 / 45.0, -56.0 / 15.0, 32.0 / 9.0],
        &[
            19372.0 / 6561.0,
            -25360.0 / 2187.0,
            64448.0 / 6561.0,
            -212.0 / 729.0,
        ],
        &[
            9017.0 / 3168.0,
            -355.0 / 33.0,
            46732.0 / 5247.0,
            49.0 / 176.0,
            -5103.0 / 18656.0,
        ],
        &[
            35.0 / 384.0,
            0.0,
            500.0 / 1113.0,
            125.0 / 192.0,
            -2187.0 / 6784.0,
            11.0 / 84.0,
        ],
    ],
    b: &[
        35.0 / 384.0,
        0.0,
        500.0 / 1113.0,
        125.0 / 192.0,
        -2187.0 / 6784.0,
        11.0 / 84.0,
        0.0,
    ],
};

/// Weights of the local error estimate of DOPRI5: 5th-order minus embedded 4th-order weights.
pub(crate) const DOPRI5_ERROR: [f64; 7] = [
    71.0 / 57600.0,
    0.0,
    -71.0 / 16695.0,
    71.0 / 1920.0,
    -17253.0 / 339200.0,
    22.0 / 525.0,
    -1.0 / 40.0,
];
