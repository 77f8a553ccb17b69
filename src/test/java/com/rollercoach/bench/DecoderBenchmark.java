package com.rollercoach.bench;

import com.rollercoach.core.protocol.BinaryStreamDecoder;
import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.sample.ImuSample;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Decoder throughput, target ≥ 100 MB/s (issue 3). One operation decodes a 4 MiB stream of 24-byte IMU
 * frames (plus HELLO and STATUS) in serial-read-sized chunks into {@link ImuSample}s: MB/s = ops/s ×
 * 4.19. {@code corruptPercent} damages that share of frames and adds garbage, to price resyncs.
 *
 * <pre>
 * mvn -o -q test-compile
 * CP=$(find ~/.m2/repository -name 'jmh-core-1.37.jar' -o -name 'jopt-simple-5.0.4.jar' \
 *     -o -name 'commons-math3-3.6.1.jar' | tr '\n' :)
 * java -cp "target/test-classes:target/classes:$CP" com.rollercoach.bench.DecoderBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecoderBenchmark {
  static final int STREAM_BYTES = 4 << 20;

  @Param({"0", "1"})
  public int corruptPercent;

  @Param({"4096"})
  public int chunk;

  private byte[] stream;

  @Setup(Level.Trial)
  public void makeStream() {
    Random rnd = new Random(1);
    FrameEncoder enc = new FrameEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream(STREAM_BYTES + 1024);
    out.writeBytes(enc.encode(new Frame.Hello(1, 1, 4f, 500f, 1000f, "BENCH", "1", "LSM6DS3")));
    long t = 0;
    for (int i = 0; out.size() < STREAM_BYTES; i++, t += 1000) {
      byte[] f = enc.encode(new Frame.Imu(t & 0xFFFF_FFFFL, rnd.nextInt(4000) - 2000, rnd.nextInt(4000) - 2000,
          8192 + rnd.nextInt(200), rnd.nextInt(600) - 300, rnd.nextInt(600) - 300, rnd.nextInt(600) - 300));
      if (rnd.nextInt(100) < corruptPercent) {
        f[rnd.nextInt(f.length)] ^= 0x40;
        byte[] junk = new byte[rnd.nextInt(16)];
        rnd.nextBytes(junk);
        out.writeBytes(junk);
      }
      out.writeBytes(f);
      if (i % 1000 == 999) out.writeBytes(enc.encode(new Frame.Status(0, 90, 4000, 2500, 0)));
    }
    stream = out.toByteArray();
  }

  @Benchmark
  public long decode(Blackhole bh) {
    BinaryStreamDecoder d =
        new BinaryStreamDecoder(
            new DecoderListener() {
              @Override
              public void sample(ImuSample s) {
                bh.consume(s);
              }
            });
    for (int off = 0; off < stream.length; off += chunk) {
      d.feed(stream, off, Math.min(chunk, stream.length - off), off * 1e-7);
    }
    return d.stats().goodFrames();
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(DecoderBenchmark.class.getSimpleName()).build()).run();
  }
}
