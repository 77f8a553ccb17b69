package com.rollercoach.io.sensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Device profiles: the built-in ones for common sensors, and the user's own in {@code
 * ~/.roller-coach/profiles/*.json} (a user profile of the same name wins).
 *
 * <p>Built-in facts and where they come from: the Arduino_LSM6DS3 and Arduino_LSM6DSOX libraries
 * report g and °/s and run the accelerometer at 104 Hz ({@code IMU.accelerationSampleRate()});
 * Arduino_LSM9DS1 reports g and °/s at 119 Hz; Adafruit's MPU6050 library reports through the
 * Unified Sensor API, which is SI (m/s², rad/s); its examples open the port at 115200 baud, the
 * Arduino ones at 9600; x-IMU3 and phyphox bring their own units and times.
 */
public final class DeviceProfiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static final List<DeviceProfile> BUILT_IN =
      List.of(
          new DeviceProfile("arduino-lsm6ds3", "Arduino Nano 33 IoT / Uno WiFi Rev2 (Arduino_LSM6DS3)",
              DeviceProfile.ASCII, null, "g,dps", 104.0, 9600, null),
          new DeviceProfile("arduino-lsm6dsox", "Arduino Nano RP2040 Connect (Arduino_LSM6DSOX)",
              DeviceProfile.ASCII, null, "g,dps", 104.0, 9600, null),
          new DeviceProfile("arduino-lsm9ds1", "Arduino Nano 33 BLE Sense (Arduino_LSM9DS1)",
              DeviceProfile.ASCII, null, "g,dps", 119.0, 9600, null),
          new DeviceProfile("adafruit-mpu6050", "Adafruit MPU6050 examples (Unified Sensor, SI units)",
              DeviceProfile.ASCII, null, "m/s^2,rad/s", null, 115200, null),
          new DeviceProfile("x-imu3", "x-io Technologies x-IMU3 (USB or Bluetooth)",
              DeviceProfile.XIMU3, null, null, null, null, null));

  private final Path dir;

  /** Profiles in {@code dir} (created on first save). */
  public DeviceProfiles(Path dir) {
    this.dir = dir;
  }

  /**
   * The data folder's {@code profiles/}: the one folder every command and the window use (record
   * and ports read the default folder's whatever --data-dir said).
   */
  public static DeviceProfiles of(com.rollercoach.io.DataFolder data) {
    return new DeviceProfiles(data.profiles());
  }

  public Path dir() {
    return dir;
  }

  /** Built-in then user profiles, by name; a user profile replaces a built-in of that name. */
  public List<DeviceProfile> list() {
    Map<String, DeviceProfile> all = new LinkedHashMap<>();
    for (DeviceProfile p : BUILT_IN) all.put(p.name(), p);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files.sorted()::iterator) {
          if (f.getFileName().toString().endsWith(".json")) {
            DeviceProfile p = read(f);
            all.put(p.name(), p);
          }
        }
      } catch (IOException e) {
        throw new SensorFormatException("cannot list profiles in " + dir + ": " + e.getMessage(), e);
      }
    }
    return new ArrayList<>(all.values());
  }

  public Optional<DeviceProfile> find(String name) {
    return list().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * @throws SensorFormatException with the known names when there is no such profile
   */
  public DeviceProfile get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new SensorFormatException(
                    "no device profile '" + name + "' (known: "
                        + list().stream().map(DeviceProfile::name).toList() + "; yours go in "
                        + dir + ")"));
  }

  /** Reads one profile file. */
  public static DeviceProfile read(Path file) {
    try {
      DeviceProfile p = JSON.readValue(file.toFile(), DeviceProfile.class);
      if (p == null) throw new SensorFormatException(file + ": empty profile");
      return p.validated();
    } catch (JsonProcessingException e) {
      throw new SensorFormatException(file + ": " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new SensorFormatException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SensorFormatException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Saves (replacing) a profile as {@code NAME.json}, atomically. */
  public Path save(DeviceProfile profile) throws IOException {
    profile.validated();
    Files.createDirectories(dir);
    Path target = dir.resolve(profile.name() + ".json");
    Path tmp = Files.createTempFile(dir, profile.name(), ".tmp");
    JSON.writeValue(tmp.toFile(), profile);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
