package com.rollercoach.io.sensors;

import com.rollercoach.io.serial.PortInfo;
import com.rollercoach.io.serial.SerialPorts;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a user could take samples from, for the {@code ports} command and the GUI's source
 * picker: serial ports (our roller, an Arduino, an x-IMU3 — the auto-detecting decoder tells them
 * apart), phones running phyphox, and the device profiles that say how to read a sketch.
 */
public final class SensorSources {
  /** What a source is. */
  public enum Kind {
    SERIAL,
    PHYPHOX,
    PROFILE
  }

  /**
   * One entry of the listing.
   *
   * @param id what to pass on: a port path, a phone URL, a profile name
   * @param use the command-line option that selects it
   */
  public record Source(Kind kind, String id, String description, String use) {}

  private SensorSources() {}

  /** Serial ports first, then phones and profiles. */
  public static List<Source> list(DeviceProfiles profiles) {
    List<Source> out = new ArrayList<>();
    for (PortInfo p : SerialPorts.list()) {
      out.add(new Source(Kind.SERIAL, p.path(), p.description(), "--port " + p.path()));
    }
    out.addAll(others(profiles));
    return out;
  }

  /** Phones and profiles: what the serial port listing cannot show. */
  public static List<Source> others(DeviceProfiles profiles) {
    List<Source> out = new ArrayList<>();
    boolean phone = false;
    for (DeviceProfile p : profiles.list()) {
      if (DeviceProfile.PHYPHOX.equals(p.format())) {
        phone = true;
        String url = PhyphoxLiveSource.phoneUri(p.address()).toString();
        out.add(new Source(Kind.PHYPHOX, url, "phyphox at " + url + " (profile " + p.name() + ")",
            "--profile " + p.name()));
      }
    }
    if (!phone) {
      out.add(new Source(Kind.PHYPHOX, "http://PHONE:8080/",
          "phyphox at http://PHONE:8080/ (enable Remote access in phyphox, use the address it shows)",
          "--phyphox PHONE"));
    }
    for (DeviceProfile p : profiles.list()) {
      if (DeviceProfile.PHYPHOX.equals(p.format())) continue;
      String what = p.description() == null ? p.summary() : p.description() + ": " + p.summary();
      out.add(new Source(Kind.PROFILE, p.name(), what, "--profile " + p.name()));
    }
    return out;
  }
}
