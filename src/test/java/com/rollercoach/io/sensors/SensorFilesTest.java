package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.protocol.text.LineLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorFilesTest {
  @TempDir Path dir;

  @Test
  void serialCaptureOfAnArduinoSketchWithAReboot() throws IOException {
    StringBuilder s = new StringBuilder("Accelerometer sample rate = 104.00 Hz\n\n");
    for (int i = 0; i < 300; i++) s.append(String.format(Locale.ROOT, "%d\t0.01\t0.02\t0.99\t1.50\t-0.50\t0.25\n", 900 + i * 10));
    s.append("12\t0.01\n"); // cut line as the board resets
    for (int i = 0; i < 100; i++) s.append(String.format(Locale.ROOT, "%d\t0.01\t0.02\t0.99\t1.50\t-0.50\t0.25\n", 15 + i * 10));
    Path f = dir.resolve("capture.txt");
    Files.writeString(f, s);
    com.rollercoach.io.SessionFile file = com.rollercoach.io.SessionFiles.open(f);
    PhyphoxImportTest.Collect c = new PhyphoxImportTest.Collect();
    file.play(c);
    assertEquals(400, c.samples.size());
    assertTrue(file.description().contains("t_ms,ax,ay,az,gx,gy,gz in g and dps"), file.description());
    assertEquals(2, file.warnings().size(), file.warnings().toString());
    assertTrue(file.warnings().get(0).contains("line 303"), file.warnings().toString());
  }

  @Test
  void captureWithoutTimeNeedsARate() throws IOException {
    Path f = dir.resolve("plotter.log");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 50; i++) s.append("AccelX:0.10,AccelY:0.20,AccelZ:9.79, GyroX:0.01,GyroY:0.00,GyroZ:-0.02\n");
    Files.writeString(f, s);
    com.rollercoach.io.InputFileException e =
        assertThrows(com.rollercoach.io.InputFileException.class, () -> com.rollercoach.io.SessionFiles.open(f));
    assertTrue(e.getMessage().contains("# rate_hz=100"), e.getMessage());
    com.rollercoach.io.SessionFile file = com.rollercoach.io.SerialCapture.text(f, LineLayout.auto().withSampleRate(100));
    PhyphoxImportTest.Collect c = new PhyphoxImportTest.Collect();
    file.play(c);
    assertEquals(50, c.samples.size());
    assertEquals(0.49, c.samples.get(49).tS(), 1e-9);
  }

  @Test
  void xImu3LoggerFileAndPhyphoxZipAreRecognised() throws IOException {
    Path x = dir.resolve("session.ximu3");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 20; i++) s.append("I,").append(1_000_000 + i * 10_000).append(",0.0,0.0,5.0,0.0,0.0,1.0\n");
    Files.write(x, s.toString().getBytes(StandardCharsets.US_ASCII));
    com.rollercoach.io.SessionFile xf = com.rollercoach.io.SessionFiles.open(x);
    PhyphoxImportTest.Collect c = new PhyphoxImportTest.Collect();
    xf.play(c);
    assertEquals(20, c.samples.size());
    assertEquals(5.0, c.samples.get(3).gzDps(), 1e-9);

    Path zip = dir.resolve("phone.zip");
    Map<String, Map<String, double[]>> sets = new LinkedHashMap<>();
    sets.put("Accelerometer", PhyphoxImportTest.accelSet(100, 3, 0.002));
    sets.put("Gyroscope", PhyphoxImportTest.gyroSet(100, 3, 0));
    new PhyphoxExportWriter(',', '.').writeZip(zip, sets);
    com.rollercoach.io.SessionFile pf = com.rollercoach.io.SessionFiles.open(zip);
    c = new PhyphoxImportTest.Collect();
    pf.play(c);
    assertTrue(c.samples.size() > 290);
    assertEquals("google Pixel 7", pf.metadata().get("device"));
  }

  @Test
  void ourOwnCsvIsLeftToTheCsvReader() throws IOException {
    Path f = dir.resolve("session.csv");
    Files.writeString(f, "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n");
    assertTrue(com.rollercoach.io.SessionFiles.open(f) instanceof com.rollercoach.io.SessionFiles.Csv);
  }

  @Test
  void profilesLoadSaveAndExplainBadFiles() throws IOException {
    DeviceProfiles profiles = new DeviceProfiles(dir.resolve("profiles"));
    assertEquals("g,dps", profiles.get("arduino-lsm6ds3").units());
    DeviceProfile mine =
        new DeviceProfile("nano33", "my roller", DeviceProfile.ASCII, "t_ms,gx,gy,gz,ax,ay,az", "g,dps", null, 115200, null);
    profiles.save(mine);
    assertEquals(mine, profiles.get("nano33"));
    assertEquals(List.of(com.rollercoach.core.protocol.text.Column.T_MS),
        profiles.get("nano33").layout().columns().subList(0, 1));
    Files.writeString(profiles.dir().resolve("broken.json"),
        "{\"name\":\"broken\",\"format\":\"ascii-lines\",\"units\":\"g,furlongs\"}");
    SensorFormatException e = assertThrows(SensorFormatException.class, profiles::list);
    assertTrue(e.getMessage().contains("broken.json: units: unknown or repeated unit 'furlongs'"), e.getMessage());
    Files.writeString(profiles.dir().resolve("broken.json"), "{\"name\":\"broken\",\"fromat\":\"x\"}");
    e = assertThrows(SensorFormatException.class, profiles::list);
    assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    Files.delete(profiles.dir().resolve("broken.json"));
    Files.writeString(profiles.dir().resolve("phone.json"),
        "{\"name\":\"phone\",\"format\":\"phyphox\",\"address\":\"192.168.0.42\"}");
    assertTrue(SensorSources.others(profiles).stream()
        .anyMatch(s -> s.id().equals("http://192.168.0.42:8080/") && s.use().equals("--profile phone")));
  }
}
