package com.rollercoach.review.frame;

import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.PositionTrace;
import com.rollercoach.review.analysis.ReplayResult;
import java.util.Locale;

/**
 * Positions on the patient's back: centimetres from an anatomical landmark, positive toward the head.
 *
 * <p>The pipeline measures s, the contact position from where it started, with a sign set by the roll
 * axis in sensor coordinates, i.e. by how the sensor happens to be mounted. Two things turn it into a
 * place on the back: the direction learned once per roller by the "roll toward your head" gesture
 * (stored in the device calibration), and a landmark zero in every session.
 *
 * <p>The landmark is the extension-hold position when the session has a hold: the protocol puts the
 * roller at the point of greatest curvature of the mid back for it (about T6–T8), which patients find
 * reliably. Before any hold, it is where rolling started, which the coach asks to be with the roller
 * under the shoulder blades (their lower half lies over about T4–T7); that is less repeatable.
 *
 * <p>The mid/upper-back band, where the protocol rolls, is the thoracic spine: T1–T12 is about 26–30
 * cm long in adults (vertebral body plus disc ≈ 2.3–2.5 cm), the landmark lies near its middle, so
 * the band is taken as {@value #BAND_LOW_CM} to {@value #BAND_HIGH_CM} cm from the landmark. Its edges
 * are uncertain by body size and by where the landmark really is: ±{@value #HOLD_UNCERTAINTY_CM} cm from
 * a hold, ±{@value #START_UNCERTAINTY_CM} cm from the start. Charts draw the band with that margin.
 *
 * @param direction +1 when positive s is toward the head, −1 when it is toward the feet, 0 unknown
 *     (no gesture for this roller, or no roll axis): positions keep the recording's sign and every
 *     page says "direction unknown"
 * @param landmark where zero is
 * @param zeroCm the landmark's s in the pipeline's own coordinates
 */
public record BackFrame(int direction, Landmark landmark, double zeroCm) {
  public static final double BAND_LOW_CM = -12;
  public static final double BAND_HIGH_CM = 14;
  public static final double HOLD_UNCERTAINTY_CM = 4;
  public static final double START_UNCERTAINTY_CM = 6;

  /** Where zero is on the back. */
  public enum Landmark {
    EXTENSION_HOLD("the extension-hold position (mid back)"),
    ROLLING_START("where rolling started (roller under the shoulder blades)");

    private final String text;

    Landmark(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public BackFrame {
    if (direction < -1 || direction > 1) throw new IllegalArgumentException("direction: " + direction);
  }

  /** A frame that only moves zero to the landmark (direction unknown). */
  public static BackFrame unknownDirection(Landmark landmark, double zeroCm) {
    return new BackFrame(0, landmark, zeroCm);
  }

  public boolean directionKnown() {
    return direction != 0;
  }

  /** The pipeline's s as a position on the back. */
  public double at(double sCm) {
    return (direction == 0 ? 1 : direction) * (sCm - zeroCm);
  }

  /** A speed along s as a speed on the back (positive toward the head when known). */
  public double speed(double vCmS) {
    return direction == 0 ? vCmS : direction * vCmS;
  }

  public double uncertaintyCm() {
    return landmark == Landmark.EXTENSION_HOLD ? HOLD_UNCERTAINTY_CM : START_UNCERTAINTY_CM;
  }

  /** The axis label of every position chart. */
  public String axisLabel() {
    return directionKnown() ? "cm, + toward the head" : "cm, direction unknown";
  }

  /** One sentence a page states under its position charts and tables. */
  public String describe() {
    String dir = directionKnown()
        ? "positive toward the head"
        : "direction unknown: this roller's \"roll toward your head\" gesture was not recorded "
            + "(calibrate --direction), so + and − only mean the two ways along the back";
    return String.format(Locale.ROOT,
        "Positions in cm from %s, %s. Mid/upper back ≈ %+.0f to %+.0f cm (±%.0f cm).",
        landmark.text(), dir, BAND_LOW_CM, BAND_HIGH_CM, uncertaintyCm());
  }

  /** "+4 cm", or "4 cm" from the landmark when the direction is unknown. */
  public String position(double backCm) {
    return com.rollercoach.core.coach.SpotText.position(backCm, directionKnown());
  }

  /**
   * Whether the span of rolling [lo, hi] (back coordinates) stays within the mid/upper-back band, given
   * its uncertainty: "inside", "beyond" (surely past an edge), or "near an edge".
   */
  public String rangeVerdict(double lo, double hi) {
    double u = uncertaintyCm();
    if (lo >= BAND_LOW_CM + u && hi <= BAND_HIGH_CM - u) return "within the mid/upper back";
    boolean beyondLow = lo < BAND_LOW_CM - u;
    boolean beyondHigh = hi > BAND_HIGH_CM + u;
    if (!directionKnown()) {
      return beyondLow || beyondHigh ? "reaches beyond the mid/upper back (side unknown)"
          : "near the edge of the mid/upper back";
    }
    if (beyondLow && beyondHigh) return "beyond the mid/upper back at both ends";
    if (beyondLow) return "reaches the low back";
    if (beyondHigh) return "reaches the neck";
    return "near the edge of the mid/upper back";
  }

  /** The same session with every position and speed on the back. */
  public ReplayResult apply(ReplayResult r) {
    PositionTrace t = r.trace();
    PositionTrace mapped = new PositionTrace(t.intervalS());
    for (int i = 0; i < t.size(); i++) {
      mapped.add(t.timeS(i), at(t.positionCm(i)), speed(t.speedCmS(i)), t.onRoller(i));
    }
    return new ReplayResult(r.metadata(), apply(r.analysis()), mapped, r.quality(), r.rollAxis());
  }

  /** The same analysis with every position on the back. */
  public SessionAnalysis apply(SessionAnalysis a) {
    return new SessionAnalysis(a.startS(), a.endS(), a.onPeriods(),
        a.passes().stream().map(p -> new Pass(p.index(), p.startS(), p.endS(), at(p.fromCm()), at(p.toCm()))).toList(),
        a.rolls(),
        a.dwells().stream().map(d -> new Dwell(d.startS(), d.endS(), at(d.positionCm()))).toList(),
        a.holds().stream().map(h -> new ExtensionHold(h.startS(), h.endS(), at(h.positionCm()), h.breaths(),
            h.breathsPerMin())).toList(),
        a.paceCmS(), a.rangeCm(), a.gaps());
  }
}
