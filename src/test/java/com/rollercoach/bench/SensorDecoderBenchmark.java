package com.rollercoach.bench;

import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.protocol.text.AsciiLineDecoder;
import com.rollercoach.core.protocol.text.LineLayout;
import com.rollercoach.core.protocol.ximu3.XImu3Decoder;
import com.rollercoach.core.sample.ImuSample;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
 * Throughput of the sensors-people-own decoders on 100 000 samples: Arduino text lines (millis +
 * six 2-decimal values, tab separated, ~40 bytes a line), x-IMU3 ASCII and x-IMU3 binary. Samples
 * per second = ops/s × 100 000. A serial link carries at most ~2 000 such lines a second; the point
 * is importing long capture files quickly. Run as {@link DecoderBenchmark} says, with this class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SensorDecoderBenchmark {
  static final int SAMPLES = 100_000;

  @Param({"arduino-text", "ximu3-ascii", "ximu3-binary"})
  public String format;

  private byte[] stream;

  @Setup(Level.Trial)
  public void makeStream() {
    Random rnd = new Random(7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < SAMPLES; i++) {
      double ax = rnd.nextGaussian() * 0.1, ay = rnd.nextGaussian() * 0.1, az = 1 + rnd.nextGaussian() * 0.01;
      double gx = rnd.nextGaussian() * 30, gy = rnd.nextGaussian(), gz = rnd.nextGaussian();
      switch (format) {
        case "arduino-text" -> out.writeBytes(String.format(Locale.ROOT,
            "%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\r\n", i * 10, ax, ay, az, gx, gy, gz)
            .getBytes(StandardCharsets.US_ASCII));
        case "ximu3-ascii" -> out.writeBytes(String.format(Locale.ROOT,
            "I,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\r\n", 1_000_000L + i * 2500L, gx, gy, gz, ax, ay, az)
            .getBytes(StandardCharsets.US_ASCII));
        default -> {
          ByteBuffer b = ByteBuffer.allocate(33).order(ByteOrder.LITTLE_ENDIAN);
          b.put((byte) 0xC9).putLong(1_000_000L + i * 2500L);
          b.putFloat((float) gx).putFloat((float) gy).putFloat((float) gz);
          b.putFloat((float) ax).putFloat((float) ay).putFloat((float) az);
          for (byte x : b.array()) {
            if (x == 0x0A) out.writeBytes(new byte[] {(byte) 0xDB, (byte) 0xDC});
            else if (x == (byte) 0xDB) out.writeBytes(new byte[] {(byte) 0xDB, (byte) 0xDD});
            else out.write(x);
          }
          out.write(0x0A);
        }
      }
    }
    stream = out.toByteArray();
  }

  @Benchmark
  public long decode(Blackhole bh) {
    DecoderListener l = new DecoderListener() {
      @Override
      public void sample(ImuSample s) {
        bh.consume(s);
      }
    };
    StreamDecoder d = format.equals("arduino-text") ? new AsciiLineDecoder(LineLayout.auto(), l) : new XImu3Decoder(l);
    for (int off = 0; off < stream.length; off += 4096) {
      d.feed(stream, off, Math.min(4096, stream.length - off), 0);
    }
    d.finish();
    return d.stats().goodFrames();
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(SensorDecoderBenchmark.class.getSimpleName()).build()).run();
  }
}
