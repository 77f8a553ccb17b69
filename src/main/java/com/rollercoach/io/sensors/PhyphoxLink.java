package com.rollercoach.io.sensors;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LivePath;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Puts a phone on the same live path as a serial roller: samples go through {@link
 * LivePath#samples} (so they are recorded as SAMPLES records and reach the pipeline in the same
 * way), the network going away and coming back is {@link LivePath#linkDown}/{@link
 * LivePath#linkUp} (a gap is marked if data is missing), and the phone introduces itself as the
 * device. Usage: {@code new PhyphoxLink(uri, path, clock).start()}, then {@link #close()}.
 */
public final class PhyphoxLink implements AutoCloseable {
  private final PhyphoxLiveSource source;
  private boolean down = true; // only transitions are reported; the polling thread alone uses it
  /** Whether the phone ever answered, and whether not answering at all has been told (once). */
  private boolean everUp;
  private boolean toldNoAnswer;

  public PhyphoxLink(URI phone, LivePath path, HostClock clock) {
    this(phone, PhyphoxBuffers.standard(), PhyphoxLiveSource.Settings.defaults(), path, clock);
  }

  public PhyphoxLink(
      URI phone,
      PhyphoxBuffers buffers,
      PhyphoxLiveSource.Settings settings,
      LivePath path,
      HostClock clock) {
    SampleSink toPath =
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            path.samples(List.of(s), clock.seconds());
          }

          @Override
          public void gap(double fromS, double toS, String reason) {
            // LivePath marks the gap itself from the next sample after a link drop
            path.linkDown(clock.seconds(), reason);
            path.linkUp(clock.seconds(), "phyphox at " + phone);
          }
        };
    PhyphoxLiveSource.ConnectionListener events =
        new PhyphoxLiveSource.ConnectionListener() {
          @Override
          public void connected(URI uri, String session) {
            path.deviceInfo(
                new DeviceInfo(0, "phyphox-" + session, "", "phone (phyphox) at " + uri,
                    Double.NaN, Double.NaN, Double.NaN));
            down = false;
            everUp = true;
            path.linkUp(clock.seconds(), "phyphox at " + uri);
          }

          @Override
          public void problem(String what) {
            path.warning(what);
          }

          @Override
          public void disconnected(String reason, Duration retryIn) {
            if (down) {
              // never connected: a wrong address or Remote access off said nothing until the end
              if (!everUp && !toldNoAnswer) {
                toldNoAnswer = true;
                path.warning("phyphox at " + phone + " does not answer (" + reason + "): is Remote access on"
                    + " in phyphox, at the address it shows, with the phone on this network? Still trying");
              }
              return;
            }
            down = true;
            path.linkDown(clock.seconds(), reason + "; retrying in " + retryIn.toMillis() + " ms");
          }
        };
    this.source = new PhyphoxLiveSource(phone, buffers, toPath, events, settings);
  }

  public PhyphoxLink start() {
    source.start();
    return this;
  }

  public long samples() {
    return source.samples();
  }

  @Override
  public void close() throws InterruptedException {
    source.close();
  }
}
