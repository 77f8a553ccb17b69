package com.rollercoach.io;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.Pacer;
import com.rollercoach.io.sensors.TableImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables another tool exported — phyphox, x-IMU3, x-io Fusion, Sensor Logger, any CSV whose
 * header names time, acceleration and rotation rate — as one session. Which tables and which units
 * were settled when it was opened ({@link TableImport#plan}); each {@link #play} reads them afresh.
 */
public final class SensorExport implements SessionFile {
  private final Path path;
  private final TableImport.Plan plan;
  private final SessionMetadata metadata;
  private final List<String> warnings = new ArrayList<>();

  SensorExport(Path path, TableImport.Plan plan, String device, String startTime) {
    this.path = path;
    this.plan = plan;
    SessionMetadata m = SessionMetadata.empty()
        .with(SessionMetadata.SAMPLE_RATE_HZ, String.format(Locale.ROOT, "%.6g", plan.rateHz()));
    if (!device.isEmpty()) m = m.with(SessionMetadata.DEVICE, device);
    // the recording's own start (Sensor Logger's Metadata.csv), which dates an import
    this.metadata = startTime.isEmpty() ? m : m.with(SessionMetadata.START_TIME, startTime);
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String description() {
    String device = metadata.get(SessionMetadata.DEVICE);
    return path + " (sensor export: " + plan.describe() + (device == null ? "" : ", from " + device) + ")";
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  @Override
  public void play(SampleSink sink, Pacer pacer, LiveObserver observer) {
    warnings.clear();
    TableImport.Report r = TableImport.read(plan, new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        pacer.await(s.tS());
        sink.accept(s);
      }

      @Override
      public void gap(double fromS, double toS, String reason) {
        sink.gap(fromS, toS, reason);
      }
    });
    if (r.droppedAccel() > 0) {
      warnings.add(path + ": " + r.droppedAccel() + " accelerometer samples had no gyroscope reading"
          + " within 0.25 s and were left out");
    }
    r.badSamples().ifPresent(b -> warnings.add(path + ": " + b));
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
