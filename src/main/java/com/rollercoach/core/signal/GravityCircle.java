package com.rollercoach.core.signal;

/**
 * The accelerometer's zero-g offset in the plane ⟂ the roll axis, learned from the roller's own
 * turning.
 *
 * <p>Why: θ is held to gravity's angle in that plane ({@link RollAngleTracker}), and an offset b of
 * the accelerometer adds to gravity a vector fixed in the sensor, which turns that angle by up to
 * |b|/|g⊥| radians, by an amount that changes as the roller turns. MEMS datasheets allow ±40–80 mg
 * (MPU-6050: ±50 mg on x and y, ±80 mg on z; ADXL335: ±150 mg on z): up to 2.3–4.6° of θ, 0.3–0.6
 * cm of s on a 15 cm roller, and different at each end of a stroke. A 4.94 cm hip drop read 5.03 cm
 * (seed 31000143): its start and end lay at angles where the offset turned gravity differently.
 *
 * <p>How: gravity keeps its length as the roller turns about its horizontal axis, so the filtered
 * specific force seen in the plane ⟂ the axis lies on a circle around the offset. An algebraic
 * circle fit (I. Kåsa, "A circle fitting procedure and its error analysis", IEEE Trans. Instrum.
 * Meas. 25(1), 1976: least squares on x² + y² = 2·b₁x + 2·b₂y + c, linear in b and c) over the
 * session's points gives b. Only points where gravity is clean go in: the roller turning slower
 * than {@value #MAX_RATE_DEG_S} °/s (a sensor 5 cm off the axis then feels under 6 mg of
 * centripetal acceleration), and of each rest only its first {@value #REST_WEIGHT_S} s (a minute's
 * hold adds no more than a moment of it, so the points spread along the arc the strokes cover).
 * The fit is trusted once its points span an arc (their spread along its chord at least {@value
 * #MIN_SPREAD} of the radius, about 50° of turning), lie on a circle (within {@value
 * #MAX_RESIDUAL_G} g RMS) and give an offset within {@value #MAX_OFFSET_G} g. Simulated offsets
 * and sensitivity errors of the parts above (Monte Carlo, 60–140° arcs): the median peak-to-peak
 * error of the angle over the arc falls by 30–60 %, close to what the sensitivity errors alone
 * leave; the fit is worse than none in 12–18 % of draws, where those errors' ellipse pulls the
 * centre (docs/benchmarks.md, round 16).
 */
final class GravityCircle {
  /** Faster turning is left out: a sensor d off the axis feels ω²·d, 6 mg at 60 °/s and 5 cm. */
  static final double MAX_RATE_DEG_S = 60.0;
  /** Turning slower than this is a rest; each rest adds its first {@value #REST_WEIGHT_S} s. */
  static final double REST_RATE_DEG_S = 2.0;
  static final double REST_WEIGHT_S = 1.0;
  /** The points' largest spread (standard deviation) as a share of the radius: about 50° of arc. */
  static final double MIN_SPREAD = 0.25;
  /** Seconds of points before the fit is solved at all. */
  static final double MIN_WEIGHT_S = 5.0;
  /**
   * Radial scatter (RMS, g) above which the points are no circle: a roller carried about, an axis
   * far off. Sensitivity errors of ±1.5 % and a stroke's few mg of acceleration stay well inside.
   */
  static final double MAX_RESIDUAL_G = 0.02;
  /** No part's offset is larger (ADXL335: ±150 mg on its worst axis). */
  static final double MAX_OFFSET_G = 0.2;

  // weighted sums of 1, x, y, z = x² + y², xx, xy, yy, xz, yz (x, y relative to the first point, so
  // the sums hold differences of order the arc, not of 1 g: no cancellation)
  private double w;
  private double sx;
  private double sy;
  private double sz;
  private double sxx;
  private double sxy;
  private double syy;
  private double sxz;
  private double syz;
  private double szz;
  private double x0 = Double.NaN;
  private double y0;
  private double restS;
  private double b1;
  private double b2;
  private boolean known;

  /**
   * Offers one sample of the filtered specific force in the plane ⟂ the axis (g), taken where it is
   * a gravity reference.
   *
   * @param rateDegS the roller's turning rate now
   * @param dtS the sample's weight: its interval
   */
  void add(double x, double y, double rateDegS, double dtS) {
    if (!(dtS > 0) || rateDegS > MAX_RATE_DEG_S) return;
    if (rateDegS < REST_RATE_DEG_S) {
      restS += dtS;
      if (restS > REST_WEIGHT_S) return;
    } else {
      restS = 0;
    }
    if (Double.isNaN(x0)) {
      x0 = x;
      y0 = y;
    }
    double u = x - x0;
    double v = y - y0;
    double z = u * u + v * v;
    w += dtS;
    sx += dtS * u;
    sy += dtS * v;
    sz += dtS * z;
    sxx += dtS * u * u;
    sxy += dtS * u * v;
    syy += dtS * v * v;
    sxz += dtS * u * z;
    syz += dtS * v * z;
    szz += dtS * z * z;
  }

  /**
   * Fits the circle to the points so far. The offset changes only when the fit is trusted.
   *
   * @return whether the offset changed
   */
  boolean solve() {
    if (w < MIN_WEIGHT_S) return false;
    double mx = sx / w;
    double my = sy / w;
    double mz = sz / w;
    // centred normal equations: [cxx cxy; cxy cyy]·(2b) = [cxz; cyz]
    double cxx = sxx / w - mx * mx;
    double cxy = sxy / w - mx * my;
    double cyy = syy / w - my * my;
    double cxz = sxz / w - mx * mz;
    double cyz = syz / w - my * mz;
    double det = cxx * cyy - cxy * cxy;
    if (!(det > 0)) return false;
    double u = (cyy * cxz - cxy * cyz) / det / 2;
    double v = (cxx * cyz - cxy * cxz) / det / 2;
    // radius² = c + |b|², c = mz − 2b·m
    double r2 = mz - 2 * (u * mx + v * my) + u * u + v * v;
    if (!(r2 > 0)) return false;
    // the points' spread along their widest direction: the arc's chord direction
    double tr = cxx + cyy;
    double largest = tr / 2 + Math.sqrt(Math.max(0, tr * tr / 4 - det));
    if (largest < MIN_SPREAD * MIN_SPREAD * r2) return false;
    // the points must lie on a circle: the algebraic residual z − 2b·p − c is ≈ 2R × the radial one
    double czz = szz / w - mz * mz;
    double residual2 = czz - 4 * (u * cxz + v * cyz) + 4 * (u * u * cxx + 2 * u * v * cxy + v * v * cyy);
    if (residual2 > 4 * r2 * MAX_RESIDUAL_G * MAX_RESIDUAL_G) return false;
    double nb1 = x0 + u;
    double nb2 = y0 + v;
    if (nb1 * nb1 + nb2 * nb2 > MAX_OFFSET_G * MAX_OFFSET_G) return false;
    boolean changed = !known || nb1 != b1 || nb2 != b2;
    b1 = nb1;
    b2 = nb2;
    known = true;
    return changed;
  }

  /** Forgets every point and the offset: the plane's basis changed, so both were in the old one. */
  void restart() {
    w = sx = sy = sz = sxx = sxy = syy = sxz = syz = szz = 0;
    x0 = Double.NaN;
    restS = 0;
    known = false;
    b1 = b2 = 0;
  }

  /** The offset along the plane's first basis vector (g); 0 until the fit is trusted. */
  double b1() {
    return b1;
  }

  /** The offset along the plane's second basis vector (g); 0 until the fit is trusted. */
  double b2() {
    return b2;
  }

  boolean known() {
    return known;
  }
}
