package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13 defects 1, 4 and 13, and issue 12's buffer names: whatever the phone (or anything on its
 * address, always 127.0.0.1 here) answers, polling goes on, bounded in time and memory.
 */
class PhyphoxRobustnessTest {
  private static final double G = ImuSample.STANDARD_GRAVITY;
  private static final PhyphoxLiveSource.Settings FAST =
      new PhyphoxLiveSource.Settings(
          Duration.ofMillis(10), Duration.ofMillis(500), Duration.ofMillis(20),
          Duration.ofMillis(80), 1.0, Duration.ofMillis(300));

  static final class Events extends PhyphoxLiveSourceTest.Events {
    final List<String> problems = new CopyOnWriteArrayList<>();
    final List<String> reasons = new CopyOnWriteArrayList<>();

    @Override
    public void disconnected(String reason, Duration retryIn) {
      super.disconnected(reason, retryIn);
      reasons.add(reason);
    }

    @Override
    public void problem(String what) {
      problems.add(what);
    }
  }

  /** Defect 1: a null (NaN) gyro value ended the polling thread; now that row is dropped, counted. */
  @Test
  @Timeout(20)
  void aNullValueCostsOneRowNotTheSession() throws Exception {
    try (FakePhyphoxPhone p = PhyphoxLiveSourceTest.phone()) {
      PhyphoxLiveSourceTest.record(p, 0, 1.0);
      p.append("acc_time", 1.003);
      p.append("accX", 0.1);
      p.append("accY", 0.2);
      p.append("accZ", G);
      p.append("gyr_time", 1.0);
      p.append("gyrX", Double.NaN); // sent as null
      p.append("gyrY", 0.0);
      p.append("gyrZ", 0.5);
      PhyphoxLiveSourceTest.record(p, 1.01, 0.5); // the 1 s backlog reaches back past the null
      p.start();
      PhyphoxLiveSourceTest.Collect c = new PhyphoxLiveSourceTest.Collect();
      PhyphoxLiveSource src = new PhyphoxLiveSource(p.uri(), PhyphoxBuffers.standard(), c, new Events(), FAST);
      src.start();
      PhyphoxLiveSourceTest.await(() -> c.lastT() >= 1.48, "data after the null");
      src.close();
      assertEquals(1, src.badValues());
      for (ImuSample s : c.samples) {
        assertTrue(Double.isFinite(s.gxDps()) && Double.isFinite(s.axG()), "no NaN reaches the sink: " + s);
      }
    }
  }

  /** Defect 13: a malformed reply was taken for a new phyphox session (clock reset, 6.5 s lost). */
  @Test
  void aMalformedReplyIsABadReplyNotANewSession() {
    for (String body : List.of(
        "{\"buffer\":{},\"status\":{}}",
        "{\"buffer\":{},\"status\":{\"session\":\"\",\"measuring\":true}}",
        "{\"buffer\":{\"acc_time\":{\"buffer\":\"x\"}},\"status\":{\"session\":\"a\",\"measuring\":true}}",
        "{\"buffer\":{\"acc_time\":{\"buffer\":[1,\"2\"]}},\"status\":{\"session\":\"a\",\"measuring\":true}}",
        "[]", "", "\u0000\u0001garbage", "{\"buffer\":[],\"status\":{\"session\":\"a\",\"measuring\":true}}")) {
      assertThrows(IOException.class, () -> PhyphoxResponse.parse(body.getBytes(StandardCharsets.UTF_8)), body);
    }
  }

  /** A server answering with {@code body} to every /get, on its own threads. */
  private static HttpServer server(BodyWriter body) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test phone");
      t.setDaemon(true);
      return t;
    }));
    s.createContext("/get", exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked: headers now, the body whenever
      try (OutputStream out = exchange.getResponseBody()) {
        body.write(out);
      } catch (IOException | InterruptedException ignored) {
        // the client gave up on us
      }
    });
    s.start();
    return s;
  }

  interface BodyWriter {
    void write(OutputStream out) throws IOException, InterruptedException;
  }

  private static URI uri(HttpServer s) {
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/");
  }

  /** Defect 4: a body at 1 byte per 200 ms blocked polling for the rest of the session. */
  @Test
  @Timeout(20)
  void aTricklingBodyTimesOutAndPollingGoesOn() throws Exception {
    HttpServer s = server(out -> {
      for (int i = 0; i < 200; i++) {
        out.write('{');
        out.flush();
        Thread.sleep(200);
      }
    });
    try {
      Events events = new Events();
      PhyphoxLiveSource src = new PhyphoxLiveSource(uri(s), PhyphoxBuffers.standard(),
          new PhyphoxLiveSourceTest.Collect(), events, FAST);
      long t0 = System.nanoTime();
      src.start();
      PhyphoxLiveSourceTest.await(() -> events.reasons.size() >= 2, "two timed-out polls");
      double seconds = (System.nanoTime() - t0) * 1e-9;
      src.close();
      assertTrue(events.reasons.get(0).contains("no complete reply within 1000 ms"), events.reasons.toString());
      assertTrue(seconds < 8, "each poll is bounded by the reply deadline, took " + seconds + " s for two");
    } finally {
      s.stop(0);
    }
  }

  /** Defect 4: a 1.2 GB body ran the JVM out of memory; now anything past 16 MiB is refused. */
  @Test
  @Timeout(30)
  void aHugeBodyIsRefusedAtTheSizeLimit() throws Exception {
    byte[] block = new byte[1 << 16];
    java.util.Arrays.fill(block, (byte) ' ');
    HttpServer s = server(out -> {
      for (long sent = 0; sent < 1_200_000_000L; sent += block.length) out.write(block);
    });
    try {
      Events events = new Events();
      PhyphoxLiveSource src = new PhyphoxLiveSource(uri(s), PhyphoxBuffers.standard(),
          new PhyphoxLiveSourceTest.Collect(), events,
          new PhyphoxLiveSource.Settings(Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(20),
              Duration.ofMillis(80), 1.0, Duration.ofMillis(300)));
      src.start();
      PhyphoxLiveSourceTest.await(() -> !events.reasons.isEmpty(), "the refusal");
      src.close();
      assertTrue(events.reasons.get(0).contains("reply larger than " + PhyphoxLiveSource.MAX_REPLY_BYTES), events.reasons.toString());
    } finally {
      s.stop(0);
    }
  }

  /** Issue 12: phyphox for iOS names the gyroscope buffers gyro_time, gyroX…; both apps work. */
  @Test
  @Timeout(20)
  void readsPhyphoxForIosBufferNames() throws Exception {
    try (FakePhyphoxPhone p = new FakePhyphoxPhone(
        "acc_time", "accX", "accY", "accZ", "gyro_time", "gyroX", "gyroY", "gyroZ")) {
      for (int i = 0; i < 100; i++) {
        double t = i * 0.01;
        p.append("acc_time", t + 0.003);
        p.append("accX", 0.1);
        p.append("accY", 0.2);
        p.append("accZ", G);
        p.append("gyro_time", t);
        p.append("gyroX", 0.0);
        p.append("gyroY", 0.0);
        p.append("gyroZ", 0.5);
      }
      p.start();
      PhyphoxLiveSourceTest.Collect c = new PhyphoxLiveSourceTest.Collect();
      PhyphoxLiveSource src = new PhyphoxLiveSource(p.uri(), PhyphoxBuffers.standard(), c, new Events(), FAST);
      src.start();
      PhyphoxLiveSourceTest.await(() -> c.lastT() >= 0.95, "iOS data");
      src.close();
      assertEquals(Math.toDegrees(0.5), c.samples.get(5).gzDps(), 1e-4);
    }
  }

  /** Issue 12: an experiment without the gyroscope gives no samples at all; say so within 3 s. */
  @Test
  @Timeout(20)
  void warnsWithinThreeSecondsWhenTheGyroscopeSendsNothing() throws Exception {
    try (FakePhyphoxPhone p = new FakePhyphoxPhone("acc_time", "accX", "accY", "accZ")) {
      p.start();
      Events events = new Events();
      List<Double> times = new ArrayList<>();
      PhyphoxLiveSource src = new PhyphoxLiveSource(p.uri(), PhyphoxBuffers.standard(),
          new PhyphoxLiveSourceTest.Collect(), events, FAST);
      long t0 = System.nanoTime();
      src.start();
      // the accelerometer keeps sending, as a phone whose experiment lacks the gyroscope would
      for (int i = 0; i < 400 && events.problems.isEmpty(); i++) {
        synchronized (p) {
          p.append("acc_time", i * 0.01);
          p.append("accX", 0.0);
          p.append("accY", 0.0);
          p.append("accZ", G);
        }
        Thread.sleep(10);
      }
      PhyphoxLiveSourceTest.await(() -> !events.problems.isEmpty(), "the warning");
      times.add((System.nanoTime() - t0) * 1e-9);
      src.close();
      assertTrue(events.problems.get(0).contains("no gyroscope samples"), events.problems.toString());
      assertFalse(events.problems.stream().anyMatch(m -> m.contains("accelerometer")), events.problems.toString());
      assertTrue(times.get(0) < 3.0, "warned after " + times.get(0) + " s");
    }
  }
}
