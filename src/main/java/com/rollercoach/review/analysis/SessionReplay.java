package com.rollercoach.review.analysis;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;

/**
 * Plays a stored session through the same {@link MotionPipeline} the live coach used, collecting its
 * analysis, its events, a decimated s(t) trace and the data quality in a single pass.
 */
public final class SessionReplay {
  private SessionReplay() {}

  /**
   * @param config the pipeline configuration; its roller diameter is replaced by the recording's
   *     {@code roller_diameter_cm} metadata when {@code preferRecordedDiameter} and it has one
   */
  public static ReplayResult replay(
      RecordingSource source, PipelineConfig config, boolean preferRecordedDiameter)
      throws IOException {
    var metadata = source.metadata();
    PipelineConfig effective = config;
    var recorded = metadata.number(SessionMetadata.ROLLER_DIAMETER_CM);
    if (preferRecordedDiameter && recorded.isPresent()) {
      effective = config.withRollerDiameterCm(recorded.getAsDouble());
    }
    // One bound for every command (analyze refused 1e308 cm; import, replay and report took it).
    if (!com.rollercoach.core.sample.SampleValidator.plausibleDiameterCm(effective.rollerDiameterCm())) {
      throw new IOException(com.rollercoach.core.sample.SampleValidator.implausibleDiameter(effective.rollerDiameterCm()));
    }
    AnalysisCollector collector = new AnalysisCollector();
    MotionPipeline pipeline = new MotionPipeline(effective, collector);
    PositionTrace trace = new PositionTrace();
    QualityMeter quality = new QualityMeter();
    double[] span = {Double.NaN, Double.NaN};
    source.replay(
        new SampleSink() {
          @Override
          public void accept(ImuSample sample) {
            if (Double.isNaN(span[0])) span[0] = sample.tS();
            span[1] = sample.tS();
            quality.accept(sample);
            pipeline.accept(sample);
            trace.offer(pipeline.state());
          }

          @Override
          public void gap(double fromS, double toS, String reason) {
            pipeline.gap(fromS, toS, reason);
          }

          @Override
          public void end() {
            pipeline.end();
          }
        });
    double start = Double.isNaN(span[0]) ? 0 : span[0];
    double end = Double.isNaN(span[1]) ? 0 : span[1];
    return new ReplayResult(
        metadata, collector.analysis(start, end), trace,
        quality.result(withLinkStats(metadata, source.linkStats())), pipeline.rollAxis());
  }

  private static SessionMetadata withLinkStats(
      SessionMetadata m, SessionMetadata link) {
    for (var e : link.values().entrySet()) m = m.with(e.getKey(), e.getValue());
    return m;
  }
}
