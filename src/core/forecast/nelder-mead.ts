/**
 * Nelder–Mead simplex minimiser, following R's `nmmin` (src/appl/optim.c) step for step, because
 * forecast::ets calls that routine (`etsNelderMead`) and its stopping rule decides which model R
 * ends up with. Non-finite function values count as 1e35, as in R.
 */

const BIG = 1.0e35;

export interface NelderMeadOptions {
  /** Stop when the function value falls to this (R's abstol; ets passes −Inf). */
  absoluteTolerance?: number;
  /** Relative convergence tolerance (R's reltol; ets passes sqrt(machine epsilon)). */
  relativeTolerance?: number;
  reflection?: number;
  contraction?: number;
  expansion?: number;
  maxEvaluations?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
  /** 0 converged, 1 evaluation limit reached, 10 the simplex stopped shrinking. */
  fail: number;
}

export function nelderMead(
  fn: (x: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const abstol = options.absoluteTolerance ?? -Infinity;
  const intol = options.relativeTolerance ?? Math.sqrt(2.220446049250313e-16);
  const alpha = options.reflection ?? 1;
  const bet = options.contraction ?? 0.5;
  const gamm = options.expansion ?? 2;
  const maxit = options.maxEvaluations ?? 500;
  const n = start.length;
  const bvec = start.slice();
  let f = fn(bvec);
  if (!Number.isFinite(f)) {
    throw new Error('The function cannot be evaluated at the initial parameters.');
  }
  if (maxit <= 0) return { x: bvec, value: f, evaluations: 0, fail: 0 };
  const n1 = n + 1;
  const C = n + 2;
  // P[i][j]: rows 0..n-1 hold coordinates, row n holds the value; columns 0..n are vertices, n+1 the centroid.
  const P: number[][] = [];
  for (let i = 0; i <= n; i++) P.push(new Array<number>(C).fill(0));
  let funcount = 1;
  const convtol = intol * (Math.abs(f) + intol);
  P[n1 - 1][0] = f;
  for (let i = 0; i < n; i++) P[i][0] = bvec[i];
  let L = 1;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(bvec[i]) > step) step = 0.1 * Math.abs(bvec[i]);
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 2; j <= n1; j++) {
    for (let i = 0; i < n; i++) P[i][j - 1] = bvec[i];
    let trystep = step;
    while (P[j - 2][j - 1] === bvec[j - 2]) {
      P[j - 2][j - 1] = bvec[j - 2] + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let fail = 0;
  const evaluate = (): number => {
    const value = fn(bvec);
    funcount++;
    return Number.isFinite(value) ? value : BIG;
  };
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j + 1 !== L) {
          for (let i = 0; i < n; i++) bvec[i] = P[i][j];
          P[n1 - 1][j] = evaluate();
        }
      }
      calcvert = false;
    }
    let VL = P[n1 - 1][L - 1];
    let VH = VL;
    let H = L;
    for (let j = 1; j <= n1; j++) {
      if (j !== L) {
        const value = P[n1 - 1][j - 1];
        if (value < VL) {
          L = j;
          VL = value;
        }
        if (value > VH) {
          H = j;
          VH = value;
        }
      }
    }
    if (VH <= VL + convtol || VL <= abstol) break;
    for (let i = 0; i < n; i++) {
      let temp = -P[i][H - 1];
      for (let j = 0; j < n1; j++) temp += P[i][j];
      P[i][C - 1] = temp / n;
    }
    for (let i = 0; i < n; i++) bvec[i] = (1 + alpha) * P[i][C - 1] - alpha * P[i][H - 1];
    f = evaluate();
    const VR = f;
    if (VR < VL) {
      P[n1 - 1][C - 1] = f;
      for (let i = 0; i < n; i++) {
        const extended = gamm * bvec[i] + (1 - gamm) * P[i][C - 1];
        P[i][C - 1] = bvec[i];
        bvec[i] = extended;
      }
      f = evaluate();
      if (f < VR) {
        for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
        P[n1 - 1][H - 1] = f;
      } else {
        for (let i = 0; i < n; i++) P[i][H - 1] = P[i][C - 1];
        P[n1 - 1][H - 1] = VR;
      }
    } else {
      if (VR < VH) {
        for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
        P[n1 - 1][H - 1] = VR;
      }
      for (let i = 0; i < n; i++) bvec[i] = (1 - bet) * P[i][H - 1] + bet * P[i][C - 1];
      f = evaluate();
      if (f < P[n1 - 1][H - 1]) {
        for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
        P[n1 - 1][H - 1] = f;
      } else if (VR >= VH) {
        calcvert = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j + 1 !== L) {
            for (let i = 0; i < n; i++) {
              P[i][j] = bet * (P[i][j] - P[i][L - 1]) + P[i][L - 1];
              size += Math.abs(P[i][j] - P[i][L - 1]);
            }
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          fail = 10;
          break;
        }
      }
    }
  } while (funcount <= maxit);
  const x: number[] = [];
  for (let i = 0; i < n; i++) x.push(P[i][L - 1]);
  if (funcount > maxit) fail = 1;
  return { x, value: P[n1 - 1][L - 1], evaluations: funcount, fail };
}
