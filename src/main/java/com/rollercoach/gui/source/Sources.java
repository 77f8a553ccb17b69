package com.rollercoach.gui.source;

import com.rollercoach.io.ble.BleDevice;
import com.rollercoach.io.ble.BleException;
import com.rollercoach.io.ble.Bluez;
import com.rollercoach.io.sensors.DeviceProfiles;
import com.rollercoach.io.sensors.PhyphoxLiveSource;
import com.rollercoach.io.sensors.SensorFormatException;
import com.rollercoach.io.sensors.SensorSources;
import com.rollercoach.io.serial.SerialPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The sources the start screen offers besides files. */
public final class Sources {
  private Sources() {}

  /** A serial port the picker can offer. */
  public record Port(String path, String description) {
    @Override
    public String toString() {
      return description.isBlank() ? path : path + " — " + description;
    }
  }

  /** Candidate serial ports with the default data folder's phone profiles. */
  public static List<Port> ports() {
    return ports(com.rollercoach.io.DataFolder.resolve(null));
  }

  /**
   * Candidate serial ports, as the CLI's {@code ports} lists them, and the phones of {@code data}'s
   * device profiles. Slow: call off the FX thread.
   */
  public static List<Port> ports(com.rollercoach.io.DataFolder data) {
    List<Port> ports = new java.util.ArrayList<>(SerialPorts.list().stream()
        .map(p -> new Port(p.path(), p.likelyRoller() ? p.description() + " (roller?)" : p.description()))
        .toList());
    ports.addAll(bleRollers());
    // phones from phyphox profiles (docs/sensors.md); any "http://PHONE:8080" typed in works too
    try {
      for (SensorSources.Source s : SensorSources.others(new DeviceProfiles(data.profiles()))) {
        if (s.kind() == SensorSources.Kind.PHYPHOX && !s.id().contains("PHONE")) {
          ports.add(new Port(s.id(), s.description()));
        }
      }
    } catch (SensorFormatException e) {
      // a broken profile file must not hide the serial ports; `ports` on the CLI names it
    }
    return ports;
  }

  /** What the picker shows before a BLE roller's address; {@link #serial} recognises it. */
  public static final String BLE_PREFIX = "ble:";

  /**
   * BLE rollers (Nordic UART / FFE0) a short scan finds; none where BlueZ is unavailable. A roller
   * goes by its name where that is unique (it is what the user recognises, and it fits the picker's
   * width), else by its address.
   */
  private static List<Port> bleRollers() {
    try (Bluez bluez = Bluez.connect()) {
      List<BleDevice> found = bluez.scan(Duration.ofSeconds(2));
      return found.stream()
          .map(d -> {
            boolean byName = !d.name().isEmpty() && found.stream().filter(o -> o.name().equals(d.name())).count() == 1;
            return new Port(BLE_PREFIX + (byName ? d.name() : d.address()), "Bluetooth LE " + d.service().label()
                + (d.rssi().isPresent() ? ", " + d.rssi().getAsInt() + " dBm" : "") + (byName ? ", " + d.address() : ""));
          })
          .toList();
    } catch (BleException e) {
      return List.of(); // no BlueZ, no adapter: the serial ports are still offered; `ports` says why
    }
  }

  /**
   * The roller on serial port {@code path}, a BLE roller when it is {@code ble:NAME|ADDRESS}, or a phone running phyphox when {@code path} is its
   * {@code http://} address, recorded into {@code dataDir}.
   */
  public static SampleSource serial(String path, Path dataDir) {
    return serial(path, dataDir, null);
  }

  /** The same, for {@code patient}: the recording joins the library under their name. */
  public static SampleSource serial(String path, Path dataDir, String patient) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("choose a port first (or type its path)");
    }
    if (path.startsWith("http://")) return new PhoneSampleSource(PhyphoxLiveSource.phoneUri(path), dataDir, patient);
    if (path.startsWith(BLE_PREFIX)) return SerialSampleSource.ble(path.substring(BLE_PREFIX.length()), dataDir, patient);
    return new SerialSampleSource(path, dataDir, patient);
  }

  /**
   * The bundled sample: a session by a person who follows the protocol, from the simulator at a fixed
   * seed, so the app carries no data file and the sample is the same on every machine.
   */
  static final long SAMPLE_SEED = 7;

  /** The demo device: a fresh simulated person each time, streamed by the emulator at real time. */
  public static SampleSource demo() {
    return demo(System.currentTimeMillis() % 100_000, 1);
  }

  /** The demo device of {@code seed}, at {@code speed} × real time. */
  static SampleSource demo(long seed, double speed) {
    return new DemoDeviceSource(SimulatedPerson.demo(seed), speed);
  }

  /** The sample session bundled with the app, replayed at {@code speed}. */
  public static SampleSource bundledSample(double speed) {
    return bundledSample(speed, 0);
  }

  /**
   * The bundled sample lasting at least {@code minDurationS} (sets are repeated): long sessions for
   * the memory benchmark.
   */
  public static SampleSource bundledSample(double speed, double minDurationS) {
    SimulatedPerson p = new SimulatedPerson(SAMPLE_SEED, minDurationS);
    return new ReplaySource("bundled sample", ReplaySource.pacedBySampleTime(p::play), speed, null);
  }
}
