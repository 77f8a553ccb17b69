package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.sensors.PhyphoxLiveSource;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --phyphox notahost} printed "(ConnectException)" every few seconds, and a malformed
 * address Java's URI text: now one line with where and why, and no exception class names.
 */
class PhyphoxAddressErrorsTest {
  @TempDir Path data;

  @Test
  void anUnknownHostIsOneLineWithWhereAndWhy() throws Exception {
    CliRun r = CliRun.of("record", "--phyphox", "notahost.invalid", "--data-dir", data.toString(), "--duration", "5");
    assertEquals(2, r.code(), r.err());
    assertEquals("roller-coach: cannot reach phyphox at notahost.invalid:8080: unknown host (give the address"
        + " phyphox shows under Remote access, e.g. 192.168.0.42:8080)", r.err().strip());
    assertFalse(r.out().contains("Exception"), r.out());
    assertFalse(Files.exists(data.resolve("sessions")) && Files.list(data.resolve("sessions")).findAny().isPresent(),
        "no empty recording left behind");
  }

  @Test
  void aMalformedAddressSaysWhatIsExpected() {
    CliRun r = CliRun.of("record", "--phyphox", "http://bad host", "--data-dir", data.toString());
    assertEquals(2, r.code());
    assertEquals("roller-coach: --phyphox: 'http://bad host' is not an address: give HOST[:PORT] as phyphox shows it"
        + " under Remote access, e.g. 192.168.0.42:8080", r.err().strip());
  }

  @Test
  void linkProblemsAreWordsNotClassNames() {
    IOException unresolved = new ConnectException();
    unresolved.initCause(new java.nio.channels.UnresolvedAddressException());
    assertEquals("unknown host", PhyphoxLiveSource.describe(unresolved));
    assertEquals("connection refused (nothing answers on that port)",
        PhyphoxLiveSource.describe(new ConnectException("Connection refused")));
    assertEquals("no answer in time", PhyphoxLiveSource.describe(new java.net.http.HttpTimeoutException("request timed out")));
    for (IOException e : new IOException[] {new ConnectException(), new IOException()}) {
      assertFalse(PhyphoxLiveSource.describe(e).contains("Exception"), PhyphoxLiveSource.describe(e));
      assertTrue(!PhyphoxLiveSource.describe(e).isBlank());
    }
  }
}
