package com.rollercoach.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What really happened in a simulated session, written beside its CSV as {@code FILE.truth.json}. All
 * times are on the CSV's own {@code t_s} clock (the device clock, offset and drift included); positions
 * are s = r·θ in cm with θ right-handed about {@link Sensor#axisInSensor}. Passes, rolls, dwells and
 * holds follow {@code definitions.md}, computed from the true s(t) by the simulator's own reference
 * rules ({@link ReferenceStrokeSegmenter}, {@link TruthBuilder}).
 *
 * @param format schema name and version
 * @param otherStill still-loaded segments that are neither dwell nor hold (a short still at the end)
 * @param trace the true s(t) at 10 Hz as [t_s, s_cm] pairs, when asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionTruth(
    String format,
    long seed,
    String profile,
    String device,
    double sampleRateHz,
    double rollerDiameterCm,
    double effectiveRollerDiameterCm,
    double durationS,
    int passes,
    int rolls,
    List<PassSpan> passSpans,
    List<Period> onPeriods,
    List<DwellTruth> dwells,
    List<HoldTruth> extensionHolds,
    List<Period> otherStill,
    List<PhaseSpan> phases,
    List<Period> gaps,
    Sensor sensor,
    List<double[]> trace) {

  public static final String FORMAT = "roller-coach-truth/1";

  /** A pass, turning point to turning point. */
  public record PassSpan(double startS, double endS, double fromCm, double toCm, double travelCm) {}

  /** A time span. */
  public record Period(double startS, double endS) {
    public double durationS() {
      return endS - startS;
    }
  }

  /** A tender spot held still (rocking peak-to-peak, 0 when held without rocking). */
  public record DwellTruth(double startS, double endS, double positionCm, double rockingCm) {}

  /** The extension hold and the inhale onsets inside it. */
  public record HoldTruth(
      double startS,
      double endS,
      double positionCm,
      int breaths,
      double breathsPerMin,
      List<Double> breathOnsetsS) {}

  /** One scripted phase (see {@link PhaseKind}). */
  public record PhaseSpan(String kind, double startS, double endS) {}

  /** The simulated part and its errors (what a perfect calibration would find). */
  public record Sensor(
      String imu,
      String link,
      double gyroFullScaleDps,
      double accelFullScaleG,
      double distanceFromAxisCm,
      double[] axisInSensor,
      double[] gyroBiasDps,
      double[] accelBiasG,
      double clockOffsetS,
      double clockDriftPpm) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public void write(Path path) throws IOException {
    JSON.writeValue(path.toFile(), this);
  }

  public static SessionTruth read(Path path) throws IOException {
    return JSON.readValue(path.toFile(), SessionTruth.class);
  }
}
