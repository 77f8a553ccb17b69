package com.rollercoach.io.live;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.io.serial.SerialSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The host side of a live session as {@code record} builds it, for tests: serial reader → recorder
 * and decoder → pipeline, with every sample, gap and event collected.
 */
final class LiveRig implements AutoCloseable {
  final List<ImuSample> samples = Collections.synchronizedList(new ArrayList<>());
  final List<double[]> gaps = Collections.synchronizedList(new ArrayList<>());
  final List<MotionEvent> events = Collections.synchronizedList(new ArrayList<>());
  final HostClock clock = HostClock.startingNow();
  final RecordingWriter writer;
  final LivePath path;
  final SerialSource source;
  final MotionPipeline pipeline;
  private final SampleSink sink;
  private boolean closed;

  LiveRig(String port, Path recording, PipelineConfig config, Duration keepAlive) throws IOException {
    this(port, recording, config, keepAlive, 115_200, l -> l, e -> {});
  }

  /**
   * @param tap wraps the path as the serial reader's listener (to time arrivals)
   * @param alsoEvents sees every event too, on the serial thread, as it leaves the pipeline
   */
  LiveRig(String port, Path recording, PipelineConfig config, Duration keepAlive, int baud,
      java.util.function.UnaryOperator<LinkListener> tap, java.util.function.Consumer<MotionEvent> alsoEvents)
      throws IOException {
    writer = RecordingWriter.create(recording, new RecordingHeader(Instant.now(), "serial " + port,
        RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(), SessionMetadata.empty()));
    pipeline = new MotionPipeline(config, e -> {
      alsoEvents.accept(e);
      events.add(e);
    });
    sink = collecting(pipeline, samples, gaps);
    path = new LivePath(Decoders.standard(), RecordingHeader.WIRE_FORMAT_AUTO, sink, LiveObserver.NONE).recordTo(writer);
    FrameEncoder host = new FrameEncoder();
    SerialSource.Options o = SerialSource.Options.defaults().withBaud(baud).withKeepAlive(keepAlive)
        .withCommands(List.of(host.encode(Frame.Command.requestHello()), host.encode(Frame.Command.startStreaming())),
            host.encode(Frame.Command.requestHello()));
    source = new SerialSource(port, o, clock, tap.apply(path));
    source.start();
  }

  /** Waits until no sample has arrived for {@code quiet}, then stops reading and ends the session. */
  void finishWhenQuiet(Duration quiet, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    int seen = -1;
    long lastChange = System.nanoTime();
    while (System.nanoTime() < deadline) {
      int n = samples.size();
      if (n != seen) {
        seen = n;
        lastChange = System.nanoTime();
      } else if (n > 0 && System.nanoTime() - lastChange > quiet.toNanos()) {
        break;
      }
      Thread.sleep(20);
    }
    close();
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    source.close();
    sink.end();
    writer.close();
  }

  /** A sink that records what reaches the pipeline, then passes it on. */
  static SampleSink collecting(SampleSink next, List<ImuSample> samples, List<double[]> gaps) {
    return new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        samples.add(s);
        next.accept(s);
      }

      @Override
      public void gap(double fromS, double toS, String reason) {
        gaps.add(new double[] {fromS, toS});
        next.gap(fromS, toS, reason);
      }

      @Override
      public void end() {
        next.end();
      }
    };
  }
}
