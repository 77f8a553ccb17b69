package com.rollercoach.io.sensors;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A phone running phyphox as a live sensor, read over phyphox's remote-access REST interface
 * ({@code http://PHONE:8080/get?…}, phyphox wiki "Remote-interface communication").
 *
 * <p>How it follows the phone's buffering: phyphox keeps every sample of the run in buffers and
 * answers {@code /get?acc_time=T&accX=T|acc_time…} with the values whose time is above {@code T}
 * (the app nudges T up by one unit of its 8th significant digit, so a value it printed is not sent
 * again). Each poll asks from the last time received; anything at or before it is dropped as a
 * repeat. On connecting, a cheap single-value request ({@code acc_time=}) finds where the run is,
 * and fetching starts {@link Settings#backlogS} before that, not with the whole run.
 *
 * <p>The network going away is handled like a serial unplug: polls back off (doubling up to
 * {@link Settings#maxBackoff}) and reconnect; because the phone kept buffering, the backlog is
 * fetched on return and nothing is lost; if time still jumps, the gap is marked on the sink. A new
 * phyphox session (app restarted) or a cleared run (time restarting while the session stays) is a
 * clock reset: sample times continue from the last one plus the time that passed, with the gap
 * marked. Accelerometer and gyroscope are merged by {@link AccelGyroMerger}.
 *
 * <p>Runs on its own daemon thread; the sink is called from that thread only.
 */
public final class PhyphoxLiveSource implements AutoCloseable {
  /** What the user should see about the link. All calls come from the polling thread. */
  public interface ConnectionListener {
    default void connected(URI phone, String session) {}

    default void disconnected(String reason, Duration retryIn) {}

    /** The phone started or stopped measuring (the user pressed play/pause in phyphox). */
    default void measuring(boolean measuring) {}

    default void clockReset(String why) {}

    /**
     * Something the user should know that is not a link change: a sensor sends nothing (not in the
     * experiment), a bad reply, a fault behind the source. The session goes on.
     */
    default void problem(String what) {}
  }

  /**
   * The largest reply taken. An incremental poll is a few kB; fetching a fresh run in full (8
   * buffers × 16 bytes × 500 Hz) reaches this after about 4 minutes of a run nobody polled.
   */
  static final int MAX_REPLY_BYTES = 16 << 20;

  /** No samples from one sensor for this long while measuring: say so (within 3 s, issue 12). */
  static final long MISSING_SENSOR_NANOS = 2_500_000_000L;

  /**
   * Timing of the link.
   *
   * @param pollInterval pause between polls; phyphox's own web page polls at a similar pace
   * @param requestTimeout a phone on Wi-Fi answers in tens of ms; longer means gone
   * @param backlogS how much already-recorded data to fetch on connecting
   * @param stallProbe how long without new data, while measuring, before checking for a reset
   */
  public record Settings(
      Duration pollInterval,
      Duration requestTimeout,
      Duration firstBackoff,
      Duration maxBackoff,
      double backlogS,
      Duration stallProbe) {
    public static Settings defaults() {
      return new Settings(
          Duration.ofMillis(100),
          Duration.ofSeconds(2),
          Duration.ofMillis(250),
          Duration.ofSeconds(5),
          1.0,
          Duration.ofSeconds(2));
    }
  }

  private final URI base;
  private PhyphoxBuffers names; // the configured names until the phone shows which app it runs
  private final SampleSink sink;
  private final ConnectionListener listener;
  private final Settings settings;
  private final HttpClient http;
  /** Where replies come from: HTTP to the phone, or (fuzz tests) any bytes. */
  private final Transport transport;

  /** One {@code /get} round trip: the query → the reply body. */
  interface Transport {
    byte[] get(String query) throws IOException, InterruptedException;
  }

  private Thread thread;
  private volatile boolean closed;

  // Where each sensor's data stands, in phyphox time. NaN: not primed; -inf: fetch the whole run.
  private double accLast = Double.NaN;
  private double gyrLast = Double.NaN;
  private String session;
  private Boolean measuring;
  private long lastNewDataNanos = System.nanoTime();

  // Mapping of phyphox time to output time (continuous across resets) and the merge.
  private double offset;
  private boolean rebase;
  private double lastOut = Double.NEGATIVE_INFINITY;
  private long lastOutNanos;
  private String pendingGapReason;
  private AccelGyroMerger merger;
  private long samples;
  private long resets;
  private long badValues;
  private long faults;
  private long lastAccNanos;
  private long lastGyrNanos;
  private boolean warnedNoAcc;
  private boolean warnedNoGyr;

  public PhyphoxLiveSource(
      URI phone,
      PhyphoxBuffers names,
      SampleSink sink,
      ConnectionListener listener,
      Settings settings) {
    this.base = phone;
    this.names = names;
    this.sink = sink;
    this.listener = listener;
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.requestTimeout())
            .build();
    this.merger = newMerger();
    this.transport = this::httpGet;
  }

  /** With replies from {@code transport} instead of HTTP (fuzzing the reply handling). */
  PhyphoxLiveSource(PhyphoxBuffers names, SampleSink sink, Transport transport) {
    this.base = URI.create("http://127.0.0.1:8080/");
    this.names = names;
    this.sink = sink;
    this.listener = new ConnectionListener() {};
    this.settings = Settings.defaults();
    this.http = null;
    this.transport = transport;
    this.merger = newMerger();
  }

  /** {@code 192.168.0.42}, {@code 192.168.0.42:8080} or a full URL → the phone's base URI. */
  public static URI phoneUri(String address) {
    String a = address.strip();
    if (!a.contains("://")) a = "http://" + a;
    URI uri;
    try {
      uri = URI.create(a);
    } catch (IllegalArgumentException e) {
      // was URISyntaxException's own text: "Illegal character in authority at index 7: http://bad host"
      uri = null;
    }
    if (uri == null || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + address + "' is not an address: give HOST[:PORT] as phyphox shows it"
          + " under Remote access, e.g. 192.168.0.42:8080");
    }
    int port = uri.getPort() < 0 ? 8080 : uri.getPort();
    return URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port + "/");
  }

  /** Starts polling on a daemon thread. */
  public synchronized void start() {
    if (thread != null) throw new IllegalStateException("already started");
    thread = new Thread(this::run, "phyphox " + base);
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops polling, flushes the last samples and ends the sink. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      t.join(5000);
    }
  }

  /** Samples delivered so far. */
  public long samples() {
    return samples;
  }

  /** Rows dropped because a value was null (phyphox's NaN/∞) or not finite. */
  public long badValues() {
    return badValues;
  }

  /** Times the polling thread caught a fault (not a network error) and went on. */
  public long faults() {
    return faults;
  }

  /** Clock resets (new phyphox session, or the run cleared) seen so far. */
  public long resets() {
    return resets;
  }

  private void run() {
    Duration backoff = settings.firstBackoff();
    boolean up = false;
    try {
      while (!closed) {
        try {
          pollOnce();
          if (!up) {
            up = true;
            listener.connected(base, session);
          }
          backoff = settings.firstBackoff();
          Thread.sleep(settings.pollInterval().toMillis());
        } catch (IOException e) {
          if (closed) break;
          if (up) pendingGapReason = "phyphox at " + base + " unreachable";
          up = false;
          listener.disconnected(describe(e), backoff);
          Thread.sleep(backoff.toMillis());
          backoff = backoff.multipliedBy(2);
          if (backoff.compareTo(settings.maxBackoff()) > 0) backoff = settings.maxBackoff();
        } catch (RuntimeException e) {
          // A fault behind the source (or a bug) must not end the polling thread: that left the
          // recording going on empty with exit 0. Report it once per kind and carry on.
          if (faults++ == 0) listener.problem("phyphox: " + e + "; still polling");
          Thread.sleep(settings.pollInterval().toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      merger.end();
      sink.end();
    }
  }

  /** One round trip: prime, or fetch what is new. */
  void pollOnce() throws IOException, InterruptedException {
    if (Double.isNaN(accLast) || Double.isNaN(gyrLast)) {
      java.util.LinkedHashSet<String> times = new java.util.LinkedHashSet<>();
      for (PhyphoxBuffers b : names.alternatives()) {
        times.add(b.accTime());
        times.add(b.gyrTime());
      }
      PhyphoxResponse r = get(single(times.toArray(String[]::new)));
      if (sessionChanged(r)) return;
      for (PhyphoxBuffers b : names.alternatives()) {
        if (r.has(b.gyrTime())) {
          names = b; // Android says gyr_time, iOS gyro_time
          break;
        }
      }
      accLast = startFrom(r.values(names.accTime()));
      gyrLast = startFrom(r.values(names.gyrTime()));
      lastNewDataNanos = System.nanoTime();
      lastAccNanos = lastNewDataNanos;
      lastGyrNanos = lastNewDataNanos;
      return;
    }
    StringJoiner q = new StringJoiner("&");
    incremental(q, accLast, names.accTime(), names.accX(), names.accY(), names.accZ());
    incremental(q, gyrLast, names.gyrTime(), names.gyrX(), names.gyrY(), names.gyrZ());
    PhyphoxResponse r = get(q.toString());
    if (sessionChanged(r)) return;
    if (measuring == null || measuring != r.measuring()) {
      measuring = r.measuring();
      listener.measuring(measuring);
    }
    boolean fresh = take(r);
    long now = System.nanoTime();
    warnIfASensorIsSilent(r.measuring(), now);
    if (fresh) {
      lastNewDataNanos = now;
    } else if (r.measuring() && now - lastNewDataNanos > settings.stallProbe().toNanos()) {
      probeForClearedRun();
      lastNewDataNanos = now;
    }
  }

  /** One sensor silent while the other sends (or both, while measuring): it is not in the experiment. */
  private void warnIfASensorIsSilent(boolean measuringNow, long now) {
    if (!measuringNow) {
      lastAccNanos = now;
      lastGyrNanos = now;
      return;
    }
    if (!warnedNoAcc && now - lastAccNanos > MISSING_SENSOR_NANOS) {
      warnedNoAcc = true;
      listener.problem("no accelerometer samples from the phone for "
          + MISSING_SENSOR_NANOS / 1_000_000 + " ms: does the phyphox experiment include the accelerometer ("
          + names.accTime() + ")?");
    }
    if (!warnedNoGyr && now - lastGyrNanos > MISSING_SENSOR_NANOS) {
      warnedNoGyr = true;
      listener.problem("no gyroscope samples from the phone for "
          + MISSING_SENSOR_NANOS / 1_000_000 + " ms: does the phyphox experiment include the gyroscope ("
          + names.gyrTime() + ", or gyro_time in phyphox for iOS)?");
    }
  }

  /** Where to start fetching: a little before the run's latest time, or everything if empty. */
  private double startFrom(double[] lastValue) {
    double v = lastValue.length == 0 ? Double.NaN : lastValue[0];
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v - settings.backlogS();
  }

  /** A new session means phyphox restarted: start over, with a clock reset. */
  private boolean sessionChanged(PhyphoxResponse r) {
    if (session == null) {
      session = r.session();
      return false;
    }
    if (session.equals(r.session())) return false;
    session = r.session();
    reset("new phyphox session " + session);
    return true;
  }

  /** No new data while measuring: if the run's time went back, the user cleared it. */
  private void probeForClearedRun() throws IOException, InterruptedException {
    PhyphoxResponse r = get(single(names.accTime(), names.gyrTime()));
    if (sessionChanged(r)) return;
    double[] t = r.values(names.accTime());
    double latest = t.length == 0 ? Double.NaN : t[0];
    if (Double.isNaN(latest) || (accLast > Double.NEGATIVE_INFINITY && latest < accLast)) {
      reset("phyphox run cleared (time restarted)");
      accLast = Double.NEGATIVE_INFINITY;
      gyrLast = Double.NEGATIVE_INFINITY;
    }
  }

  private void reset(String why) {
    resets++;
    merger.end();
    merger = newMerger();
    accLast = Double.NaN;
    gyrLast = Double.NaN;
    rebase = true;
    pendingGapReason = why;
    listener.clockReset(why);
  }

  /** Feeds new rows of both sensors to the merger; true if there were any. */
  private boolean take(PhyphoxResponse r) {
    double[] at = r.values(names.accTime());
    double[] gt = r.values(names.gyrTime());
    double[][] a = {r.values(names.accX()), r.values(names.accY()), r.values(names.accZ())};
    double[][] g = {r.values(names.gyrX()), r.values(names.gyrY()), r.values(names.gyrZ())};
    int na = rows(at, a);
    int ng = rows(gt, g);
    int firstA = firstAfter(at, na, accLast);
    int firstG = firstAfter(gt, ng, gyrLast);
    if (firstA >= na && firstG >= ng) return false;
    double firstRaw = Math.min(firstA < na ? at[firstA] : Double.POSITIVE_INFINITY,
        firstG < ng ? gt[firstG] : Double.POSITIVE_INFINITY);
    boolean rebased = rebase;
    if (rebase) {
      rebase = false;
      if (lastOut > Double.NEGATIVE_INFINITY) {
        double passed = Math.max((System.nanoTime() - lastOutNanos) * 1e-9, 0.01);
        offset = lastOut + passed - firstRaw;
      }
    }
    if (pendingGapReason != null) {
      // a clock reset always lost samples (the restarted app's first ones are placed by wall time,
      // which may be a few polls, under 0.1 s, after the last output); an outage only when the
      // phone's own clock shows samples missing
      if (lastOut > Double.NEGATIVE_INFINITY && (rebased || firstRaw + offset - lastOut > 0.1)) {
        sink.gap(lastOut, firstRaw + offset, pendingGapReason);
      }
      pendingGapReason = null;
    }
    // Interleave by time so the merger's wait queue stays short.
    int i = firstA;
    int j = firstG;
    double gDeg = 180.0 / Math.PI;
    double gravity = ImuSample.STANDARD_GRAVITY;
    while (i < na || j < ng) {
      if (j < ng && (i >= na || gt[j] <= at[i])) {
        if (gt[j] > gyrLast) {
          gyrLast = gt[j];
          lastGyrNanos = System.nanoTime();
          warnedNoGyr = false;
          if (finite(g[0][j], g[1][j], g[2][j])) {
            merger.gyro(gt[j] + offset, g[0][j] * gDeg, g[1][j] * gDeg, g[2][j] * gDeg);
          } else {
            badValues++; // phyphox's null: interpolating across it would spread the NaN
          }
        }
        j++;
      } else {
        if (at[i] > accLast) {
          accLast = at[i];
          lastAccNanos = System.nanoTime();
          warnedNoAcc = false;
          if (finite(a[0][i], a[1][i], a[2][i])) {
            merger.accel(at[i] + offset, a[0][i] / gravity, a[1][i] / gravity, a[2][i] / gravity);
          } else {
            badValues++;
          }
        }
        i++;
      }
    }
    return true;
  }

  private static boolean finite(double x, double y, double z) {
    return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
  }

  /** Rows complete in all four buffers (they are snapshotted together, but be safe). */
  private static int rows(double[] t, double[][] xyz) {
    int n = t.length;
    for (double[] v : xyz) n = Math.min(n, v.length);
    return n;
  }

  private static int firstAfter(double[] t, int n, double last) {
    int i = 0;
    while (i < n && !(t[i] > last)) i++;
    return i;
  }

  private AccelGyroMerger newMerger() {
    return new AccelGyroMerger(
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            if (!(s.tS() > lastOut)) return;
            lastOut = s.tS();
            lastOutNanos = System.nanoTime();
            samples++;
            sink.accept(s);
          }
        },
        TableImport.MAX_GYRO_GAP_S);
  }

  private static void incremental(StringJoiner q, double last, String time, String... values) {
    if (last == Double.NEGATIVE_INFINITY) {
      q.add(enc(time) + "=full");
      for (String v : values) q.add(enc(v) + "=full");
    } else {
      String threshold = Double.toString(last);
      q.add(enc(time) + "=" + enc(threshold));
      for (String v : values) q.add(enc(v) + "=" + enc(threshold + "|" + time));
    }
  }

  private static String single(String... buffers) {
    StringJoiner q = new StringJoiner("&");
    for (String b : buffers) q.add(enc(b) + "=");
    return q.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private PhyphoxResponse get(String query) throws IOException, InterruptedException {
    return PhyphoxResponse.parse(transport.get(query));
  }

  private byte[] httpGet(String query) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/get?" + query))
            .timeout(settings.requestTimeout())
            .GET()
            .build();
    // The request timeout covers only the headers: a body trickling in at 1 byte/s blocked polling
    // for the rest of the session. Wait for the whole reply with a deadline, and bound its size.
    java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> pending =
        http.sendAsync(request, BoundedBody.handler(MAX_REPLY_BYTES));
    HttpResponse<byte[]> response;
    try {
      response = pending.get(replyDeadline().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw new IOException("no complete reply within " + replyDeadline().toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      throw new IOException(c == null || c.getMessage() == null ? "request failed" : c.getMessage(), c);
    }
    if (response.statusCode() != 200) {
      throw new IOException("phyphox answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** Headers within the request timeout, and the whole body within as long again. */
  private Duration replyDeadline() {
    return settings.requestTimeout().multipliedBy(2);
  }

  /**
   * Why the phone could not be read, in words: "unknown host", "connection refused", … (it was the
   * exception's class name, "(ConnectException)", which is what an unknown host gave).
   */
  public static String describe(IOException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    if (e instanceof java.net.UnknownHostException || root instanceof java.net.UnknownHostException
        || root instanceof java.nio.channels.UnresolvedAddressException) {
      return "unknown host";
    }
    if (e instanceof java.net.http.HttpTimeoutException || root instanceof java.net.SocketTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof java.net.NoRouteToHostException || root instanceof java.net.NoRouteToHostException) {
      return "no route to it (is the phone on this network?)";
    }
    String m = String.valueOf(e.getMessage() != null ? e.getMessage() : root.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("refused")) return "connection refused (nothing answers on that port)";
    if (m.contains("no route")) return "no route to it (is the phone on this network?)";
    if (m.contains("reset") || m.contains("closed")) return "the connection was closed";
    if (e instanceof java.net.ConnectException || root instanceof java.net.ConnectException) return "cannot connect";
    // our own reasons ("no complete reply within 1000 ms", "reply larger than …", "HTTP 404") as they are
    return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "cannot read from it";
  }

  /**
   * Fails at once, in one line, for a host name that does not resolve: polling it would only say
   * "does not answer" every few seconds until the session's end.
   */
  public static void checkHostKnown(URI phone) {
    try {
      java.net.InetAddress.getByName(phone.getHost());
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("cannot reach phyphox at " + phone.getHost() + ":" + phone.getPort()
          + ": unknown host (give the address phyphox shows under Remote access, e.g. 192.168.0.42:8080)");
    }
  }
}
