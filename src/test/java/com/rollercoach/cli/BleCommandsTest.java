package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.SessionFiles;
import com.rollercoach.io.ble.Bluez;
import com.rollercoach.io.ble.MockBluez;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ports} and {@code record --ble} as a user runs them, against a mock BlueZ on a private bus. */
class BleCommandsTest {
  @TempDir Path dir;
  private MockBluez bluez;

  @BeforeAll
  static void tools() {
    MockBluez.require();
  }

  @AfterEach
  void stop() throws Exception {
    if (bluez != null) bluez.close();
    System.clearProperty(Bluez.BUS_PROPERTY);
  }

  private void mock(boolean withBluez) throws Exception {
    Path stream = dir.resolve("stream.bin");
    Files.write(stream, MockBluez.encode(Path.of("samples/tender-spots-bluetooth.csv")));
    bluez = new MockBluez(dir);
    if (withBluez) bluez.start(stream, "--interval-ms", "3", "--need-start");
    else bluez.startBus();
    System.setProperty(Bluez.BUS_PROPERTY, bluez.address());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void portsListsBleRollersWithNameAddressRssiAndService() throws Exception {
    mock(true);
    CliRun r = CliRun.of("ports", "--ble-scan", "0.2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("* RollerCoach-BLE      C0:FF:EE:00:00:01  -58 dBm  NUS"), r.out());
    assertTrue(r.out().contains("* HMSoft               20:C3:8F:00:00:02  -80 dBm  FFE0"), r.out());
    assertFalse(r.out().contains("Polar"), "a heart-rate strap is no roller: " + r.out());
    assertTrue(r.out().contains("record --ble NAME|ADDRESS"), r.out());
  }

  /** A negative scan time is refused in one line before anything is listed (it came after the ports). */
  @Test
  void aNegativeScanIsRefusedBeforeAnythingIsListed() {
    CliRun r = CliRun.of("ports", "--ble-scan", "-1");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.out().isEmpty(), r.out());
    assertTrue(r.err().contains("--ble-scan must be >= 0 seconds"), r.err());
  }

  @Test
  void helpWorksForTheCommandsWithBleOptions() {
    CliRun ports = CliRun.of("ports", "--help");
    assertEquals(0, ports.code(), ports.err());
    assertTrue(ports.out().contains("--ble-scan"), ports.out());
    CliRun record = CliRun.of("record", "--help");
    assertEquals(0, record.code(), record.err());
    assertTrue(record.out().contains("--ble=NAME|ADDRESS"), record.out());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void withoutBluezPortsSaysWhyAndRecordFailsInOneLineLeavingNoFile() throws Exception {
    mock(false);
    CliRun ports = CliRun.of("ports", "--ble-scan", "0");
    assertEquals(0, ports.code(), "serial ports are still listed: " + ports.err());
    assertTrue(ports.out().contains("Bluetooth LE: BlueZ (bluetoothd) is not running"), ports.out());
    // every section has its heading, the serial ports' first
    assertTrue(ports.out().startsWith("Serial ports ("), ports.out());

    Path rec = dir.resolve("none.rcrec");
    CliRun r = CliRun.of("record", "--ble", "RollerCoach-BLE", "--out", rec.toString(), "--duration", "1");
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().contains("BlueZ (bluetoothd) is not running"), r.err());
    assertFalse(Files.exists(rec), "no empty recording left behind");

    CliRun both = CliRun.of("record", "--ble", "X", "--port", "/dev/null", "--out", rec.toString());
    assertEquals(2, both.code());
    assertTrue(both.err().contains("give one of --port, --ble, --phyphox (got --port and --ble)"), both.err());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void recordBleRecordsAndCoachesLikeASerialRoller() throws Exception {
    mock(true);
    Path rec = dir.resolve("ble.rcrec");
    CliRun r = CliRun.of("record", "--ble", "RollerCoach-BLE", "--out", rec.toString(), "--duration", "2.5");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("link up: connected RollerCoach-BLE C0:FF:EE:00:00:01 (BLE NUS)"), r.out());
    assertTrue(r.out().contains("Link: ") && r.out().contains(" 0 CRC failures, 0 reconnect(s)"), r.out());
    assertTrue(bluez.logText().contains("write "), "start streaming was written to RX");
    long[] samples = {0};
    try (var f = SessionFiles.open(rec)) {
      f.play(s -> samples[0]++);
    }
    assertTrue(samples[0] > 1000, "the recording replays what was streamed: " + samples[0] + " samples");
  }
}
