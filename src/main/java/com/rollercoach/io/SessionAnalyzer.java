package com.rollercoach.io;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.MotionListener;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SampleValidator;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Batch analysis of one session file: file → {@link MotionPipeline} → {@link SessionAnalysis}, the same
 * streaming path live coaching uses. For {@code analyze}, reports and the session library.
 */
public final class SessionAnalyzer {
  private SessionAnalyzer() {}

  /**
   * What analyzing a file found.
   *
   * @param rollerDiameterCm the diameter used (option, else metadata, else the 15 cm default)
   * @param samples samples read
   * @param warnings problems that did not stop the analysis
   * @param readAs how the file was read, as {@code replay}'s first line names it (e.g. "capture.txt
   *     (text lines: ax,ay,az,gx,gy,gz in g and dps, timed on arrival)")
   */
  public record Result(
      Path file,
      SessionMetadata metadata,
      double rollerDiameterCm,
      long samples,
      SessionAnalysis analysis,
      List<String> warnings,
      String readAs) {}

  /**
   * Analyzes a session file.
   *
   * @param rollerDiameterCm overrides the file's {@code roller_diameter_cm} when present
   * @param also receives every event as well (live printing, recording), on the analysis thread, in
   *     order; may be null
   * @throws InputFileException on unreadable or malformed files
   */
  public static Result analyze(Path file, OptionalDouble rollerDiameterCm, MotionListener also) {
    return analyze(file, rollerDiameterCm, also, (meta, config) -> new Setup(config, sink -> sink));
  }

  /**
   * A per-file adjustment decided once the file's metadata is known: the pipeline settings to use and
   * a stage in front of the pipeline (a device calibration: {@code calibration.AppliedCalibration}).
   */
  public record Setup(PipelineConfig config, java.util.function.UnaryOperator<SampleSink> front) {}

  /**
   * As {@link #analyze(Path, OptionalDouble, MotionListener)}, with {@code setup} given the metadata
   * and the settings chosen so far, returning the ones to run with.
   */
  public static Result analyze(
      Path file,
      OptionalDouble rollerDiameterCm,
      MotionListener also,
      java.util.function.BiFunction<SessionMetadata, PipelineConfig, Setup> setup) {
    return analyze(List.of(file), rollerDiameterCm, also, setup);
  }

  /** As above, for one session given as several files (an export's accelerometer and gyroscope tables). */
  public static Result analyze(
      List<Path> files,
      OptionalDouble rollerDiameterCm,
      MotionListener also,
      java.util.function.BiFunction<SessionMetadata, PipelineConfig, Setup> setup) {
    Path file = files.get(0);
    try (SampleFile in = SampleFiles.open(files.toArray(Path[]::new))) {
      SessionMetadata meta = in.metadata();
      double d = rollerDiameter(rollerDiameterCm, meta);
      Setup chosen = setup.apply(meta, PipelineConfig.defaults().withRollerDiameterCm(d));
      Run run = run(in, chosen, also);
      List<String> warnings = new ArrayList<>(in.warnings());
      run.badSamples.ifPresent(b -> warnings.add(file + ": " + b));
      String readAs = in instanceof SessionFile f ? f.description() : file.toString();
      return new Result(
          file, meta, chosen.config().rollerDiameterCm(), run.samples, run.analysis, List.copyOf(warnings),
          readAs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The roller diameter to use: the option if given, else the file's metadata, else {@link
   * PipelineConfig#DEFAULT_ROLLER_DIAMETER_CM}.
   *
   * @throws InputFileException when the chosen value is not a plausible diameter
   */
  public static double rollerDiameter(OptionalDouble option, SessionMetadata meta) {
    double d =
        option.isPresent()
            ? option.getAsDouble()
            : meta.number(SessionMetadata.ROLLER_DIAMETER_CM)
                .orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM);
    if (!SampleValidator.plausibleDiameterCm(d)) throw new InputFileException(SampleValidator.implausibleDiameter(d));
    return d;
  }

  private record Run(long samples, SessionAnalysis analysis, java.util.Optional<String> badSamples) {}

  private static Run run(SampleFile in, Setup setup, MotionListener also) {
    AnalysisCollector collector = new AnalysisCollector();
    MotionListener listener =
        also == null
            ? collector
            : (MotionEvent e) -> {
              collector.onEvent(e);
              also.onEvent(e);
            };
    MotionPipeline pipeline = new MotionPipeline(setup.config(), listener);
    SampleSink front = setup.front().apply(pipeline);
    long n;
    try (PipelinedSink feed = new PipelinedSink(front)) {
      n =
          in.readTo(
              new SampleSink() {
                @Override
                public void accept(ImuSample s) {
                  feed.accept(s);
                }

                @Override
                public void gap(double fromS, double toS, String reason) {
                  feed.gap(fromS, toS, reason);
                }
              });
      feed.end();
    }
    // The span is of the samples the pipeline took: a refused 1e300 timestamp must not stretch it.
    SampleValidator edge = pipeline.validator();
    return new Run(n, collector.analysis(edge.firstTimeS(), edge.lastTimeS()),
        pipeline.validator().summary());
  }
}
