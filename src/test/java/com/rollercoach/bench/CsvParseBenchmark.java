package com.rollercoach.bench;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.csv.CsvSampleReader;
import com.rollercoach.sim.Archetype;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CSV → samples on one core, target ≥ 150 MB/s (issue 15), next to its baseline in the same run: the
 * same file copied to nowhere by {@code cat file > /dev/null} (a process per operation, as a person would
 * time it) and by a plain read loop in this JVM (cat's work without the exec). All read the page cache:
 * the file is read once in setup. Each benchmark counts the bytes it consumed as {@code bytes} (an
 * auxiliary counter, so JMH reports bytes/s); {@code bench/csv-speed.sh} prints MB/s and the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class CsvParseBenchmark {
  /** 20 minutes at 200 Hz of a typical session as the BMI160 logger writes it: about 15 MB. */
  static final double SECONDS = 20 * 60;

  Path csv;
  long size;

  /** Bytes consumed, per thread; JMH divides by time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void write() throws IOException {
    csv = Files.createTempFile("csv-bench", ".csv");
    SimulatedSession.create(
            SimulationSpec.of(1)
                .withArchetype(Archetype.TYPICAL)
                .withDevice("bmi160-logger")
                .withRateHz(200)
                .withMinDurationS(SECONDS))
        .writeCsv(csv, false);
    size = Files.size(csv);
    Files.readAllBytes(csv); // into the page cache
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(csv);
    Files.deleteIfExists(SimulatedSession.truthPathFor(csv));
  }

  /** The product path: file → {@link CsvSampleReader} → a sample per row. */
  @Benchmark
  public long csvToSamples(Bytes counter, Blackhole bh) throws IOException {
    try (CsvSampleReader r = CsvSampleReader.open(csv)) {
      long n =
          r.readTo(
              new SampleSink() {
                @Override
                public void accept(ImuSample s) {
                  bh.consume(s);
                }
              });
      counter.bytes += size;
      return n;
    }
  }

  /** Baseline: {@code cat file > /dev/null}, one process per operation. */
  @Benchmark
  public int catToDevNull(Bytes counter) throws IOException, InterruptedException {
    int exit =
        new ProcessBuilder("cat", csv.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor();
    counter.bytes += size;
    return exit;
  }

  /** Baseline: reading the file in 64 KiB blocks and touching nothing, in this JVM. */
  @Benchmark
  public long readBytes(Bytes counter) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (InputStream in = Files.newInputStream(csv)) {
      for (int n; (n = in.read(buf)) >= 0; ) total += n;
    }
    counter.bytes += total;
    return total;
  }
}
