package com.rollercoach.io.sensors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sensor table's header says: where time, acceleration and rotation rate are, and in which
 * units. One reading for every tool that writes a table with a header, by the names and units in it
 * rather than by which tool wrote it:
 *
 * <ul>
 *   <li>phyphox: {@code "Time (s)","Acceleration x (m/s^2)"…}, {@code "Gyroscope x (rad/s)"}, in its
 *       comma, tab and semicolon variants; custom names with a unit, e.g. {@code Accel_X (m/s^2)},
 *       {@code Gyroscope x (deg/s)};
 *   <li>MbientLab MetaWear / MetaMotion (MetaBase and MetaWear apps), one file per sensor: {@code
 *       epoch (ms),time (01:00),elapsed (s),x-axis (g)…} and {@code …,x-axis (deg/s)…}, timed by the
 *       epoch;
 *   <li>AndroSensor: {@code ACCELEROMETER X (m/s²)…,GYROSCOPE X (rad/s)…,Time since start in ms ,…};
 *   <li>x-IMU3 {@code Inertial.csv}: {@code Timestamp (us),Gyroscope X (deg/s),…,Accelerometer X (g)};
 *       x-io Fusion's {@code sensor_data.csv}: {@code Time (s),Gyroscope X (deg/s),…};
 *   <li>Sensor Logger (iOS and Android): {@code time,seconds_elapsed,z,y,x}, the sensor named by the
 *       file ({@code TotalAcceleration.csv}, {@code Gyroscope.csv}; on iOS {@code Accelerometer.csv}
 *       without gravity and {@code Gravity.csv}, which {@link TableImport} adds together);
 *   <li>Physics Toolbox Sensor Suite: {@code time,gFx,gFy,gFz,ax,ay,az,wx,wy,wz} — the g-Force Meter
 *       ({@code gF}, acceleration with gravity in g) is the accelerometer, {@code ax..az} (its linear
 *       accelerometer, gravity removed) is not, and {@code wx..wz} are rad/s;
 *   <li>others: {@code ax,ay,az,gx,gy,gz}, {@code acc_x}, {@code gyr_x}, {@code ax_g}, {@code
 *       gz_dps}, {@code t_ms}…
 * </ul>
 *
 * A unit the header does not state stays NaN and is decided from the data (|a| against gravity).
 */
public record SensorHeader(
    char separator,
    List<String> names,
    int time,
    double timeToS,
    int[] accel,
    double accelToMps2,
    int[] gyro,
    double gyroToRads,
    boolean linearOnly,
    boolean gravityOnly,
    Tool tool) {

  /** Which tool's conventions the header follows: for the advice in a refusal. */
  public enum Tool {
    PHYPHOX("in phyphox, use an experiment with both sensors (docs/phyphox/roller-coach.phyphox) or tick Gyroscope as well"),
    SENSOR_LOGGER("in Sensor Logger, switch on Gyroscope and Accelerometer (on Android it then writes"
        + " TotalAcceleration.csv; on iOS switch on Gravity as well) and export them together"),
    X_IMU3("log the Inertial message (x-IMU3 GUI → Settings → Inertial message rate)"),
    ANDROSENSOR("in AndroSensor, switch on the gyroscope as well and set the recording interval to 0.04 s (25 Hz) or less"),
    PHYSICS_TOOLBOX("in Physics Toolbox Sensor Suite, record the g-Force Meter and the Gyroscope together"),
    OTHER("write the accelerometer and the gyroscope, with a time column");

    public final String advice;

    Tool(String advice) {
      this.advice = advice;
    }
  }

  public static final double G = 9.80665;

  public boolean hasAccel() {
    return accel[0] >= 0 && accel[1] >= 0 && accel[2] >= 0;
  }

  public boolean hasGyro() {
    return gyro[0] >= 0 && gyro[1] >= 0 && gyro[2] >= 0;
  }

  private static final Pattern UNIT_BRACKETS = Pattern.compile("^(.*?)\\s*[\\(\\[]([^\\)\\]]*)[\\)\\]]\\s*$");
  private static final Pattern UNIT_SUFFIX =
      Pattern.compile("^(.*?)_(g|mg|dps|mdps|rads|rad_s|mps2|ms2|s|ms|us|ns)$");
  private static final Pattern AXIS = Pattern.compile("(?:^|[^a-z])([xyz])(?:[^a-z]|$)");
  private static final Pattern AXIS_END = Pattern.compile("^([a-z]+?)([xyz])$");

  /**
   * Reads a header line.
   *
   * @param fileName the file's (or zip entry's) name: names the sensor when columns are bare {@code x,y,z}
   * @return empty when the line names no time column or no full x, y, z set of either sensor
   */
  public static Optional<SensorHeader> parse(String line, String fileName) {
    if (line == null || line.isBlank()) return Optional.empty();
    char sep = separatorOf(line);
    List<String> raw = split(line, sep);
    if (raw.size() < 4) return Optional.empty();
    String file = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (String r : raw) names.add(unquote(r).strip().toLowerCase(Locale.ROOT));

    int time = -1;
    int timeRank = 0;
    double timeToS = Double.NaN;
    int[] accel = {-1, -1, -1};
    int[] linear = {-1, -1, -1};
    int[] gyro = {-1, -1, -1};
    int[] gforce = {-1, -1, -1};
    int[] gravity = {-1, -1, -1};
    double accelUnit = Double.NaN;
    double gyroUnit = Double.NaN;
    double linearUnit = Double.NaN;
    boolean sawElapsed = false;
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      String base = n;
      String unit = "";
      Matcher b = UNIT_BRACKETS.matcher(n);
      Matcher s = UNIT_SUFFIX.matcher(n);
      if (b.matches()) {
        base = b.group(1);
        unit = b.group(2).strip();
      } else if (s.matches()) {
        base = s.group(1);
        unit = s.group(2);
      }
      String words = base.replaceAll("[_\\-.]+", " ").strip();
      int rank = timeRank(words, unit);
      if (rank > timeRank) {
        time = i;
        timeRank = rank;
        timeToS = timeUnit(words, unit);
        if (words.equals("seconds elapsed")) sawElapsed = true;
        continue;
      }
      if (rank > 0) continue;
      String axis = null;
      String rest = words;
      Matcher a = AXIS.matcher(words);
      if (a.find()) {
        axis = a.group(1);
        rest = (words.substring(0, a.start(1)) + " " + words.substring(a.end(1))).strip();
      } else {
        Matcher e = AXIS_END.matcher(words.replace(" ", ""));
        if (e.matches()) {
          axis = e.group(2);
          rest = e.group(1);
        }
      }
      if (axis == null) continue;
      int k = axis.charAt(0) - 'x';
      // Physics Toolbox's g-Force Meter ("gFx"): acceleration with gravity, in g
      if (rest.equals("gf") || rest.equals("g force") || rest.equals("gforce")) {
        if (gforce[k] < 0) gforce[k] = i;
        continue;
      }
      if (rest.isEmpty()) {
        rest = sensorOfFile(file);
        // Sensor Logger's Gravity.csv (bare x, y, z): added to iOS's gravity-free Accelerometer.csv
        if (rest.equals("gravity")) {
          if (gravity[k] < 0) gravity[k] = i;
          continue;
        }
      }
      if (ignored(rest)) continue;
      boolean isLinear = rest.contains("linear") || rest.startsWith("user") || rest.equals("lin acc");
      // a translated or custom name ("Beschleunigung x (m/s^2)") is still known by its unit
      boolean accelByUnit = !Double.isNaN(accelUnit(unit)) && !rest.contains("gyr") && !rest.contains("rot");
      boolean gyroByUnit = !Double.isNaN(gyroUnit(unit));
      if (rest.contains("acc") || rest.equals("a") || accelByUnit) {
        double u = accelUnit(unit);
        if (isLinear) {
          if (linear[k] < 0) linear[k] = i;
          linearUnit = u;
        } else if (accel[k] < 0) {
          accel[k] = i;
          if (!Double.isNaN(u)) accelUnit = u;
        }
      } else if (rest.contains("gyr") || rest.contains("rot") || rest.contains("angular")
          || rest.equals("g") || rest.equals("w") || rest.equals("omega") || gyroByUnit) {
        if (gyro[k] < 0) {
          gyro[k] = i;
          double u = gyroUnit(unit);
          if (!Double.isNaN(u)) gyroUnit = u;
        }
      }
    }
    if (time < 0) return Optional.empty();
    boolean linearOnly = false;
    boolean gravityOnly = false;
    boolean physicsToolbox = complete(gforce);
    if (physicsToolbox) {
      // its "ax,ay,az" are the linear accelerometer (gravity removed): the g-Force Meter is the one
      accel = gforce;
      accelUnit = G;
      // the app's gyroscope reads rad/s, as Android gives it
      if (Double.isNaN(gyroUnit)) gyroUnit = 1;
    }
    boolean full = accel[0] >= 0 && accel[1] >= 0 && accel[2] >= 0;
    if (!full && sawElapsed && complete(gravity) && !complete(gyro)) {
      accel = gravity;
      gravityOnly = true;
      full = true;
    }
    if (!full && linear[0] >= 0 && linear[1] >= 0 && linear[2] >= 0) {
      accel = linear;
      accelUnit = linearUnit;
      linearOnly = true;
    }
    // Sensor Logger's Accelerometer.csv is the phone's user acceleration, gravity removed
    if (sawElapsed && file.replaceAll(".*[/\\\\!]", "").equals("accelerometer.csv")) linearOnly = true;
    // both phone APIs (Android SensorManager, iOS CoreMotion rotationRate) give rad/s; Sensor Logger
    // writes them as they come, while its accelerometer unit differs by platform (told by gravity)
    if (sawElapsed && Double.isNaN(gyroUnit)) gyroUnit = 1;
    SensorHeader h = new SensorHeader(sep, names, time, timeToS, accel, accelUnit, gyro, gyroUnit,
        linearOnly, gravityOnly, physicsToolbox ? Tool.PHYSICS_TOOLBOX : toolOf(names, sawElapsed));
    if (!h.hasAccel() && !h.hasGyro()) return Optional.empty();
    return Optional.of(h);
  }

  private static boolean complete(int[] xyz) {
    return xyz[0] >= 0 && xyz[1] >= 0 && xyz[2] >= 0;
  }

  private static Tool toolOf(List<String> names, boolean sawElapsed) {
    if (sawElapsed) return Tool.SENSOR_LOGGER;
    String all = String.join(",", names);
    if (all.contains("timestamp (us)")) return Tool.X_IMU3;
    if (all.contains("time since start in ms")) return Tool.ANDROSENSOR;
    if (all.contains("time (s)") && (all.contains("(m/s^2)") || all.contains("(rad/s)"))) return Tool.PHYPHOX;
    return Tool.OTHER;
  }

  /**
   * 0: not a time column; higher: a better one. Sensor Logger's seconds_elapsed (from the recording's
   * start, shared by its files) beats its epoch ns; MetaWear's {@code epoch (ms)} beats its {@code
   * elapsed (s)}, which each file counts from its own first sample (the accelerometer's and the
   * gyroscope's start apart), so only the epoch merges the two files in step.
   */
  private static int timeRank(String words, String unit) {
    boolean timeUnit = unit.matches("s|sec|seconds|ms|millis|us|µs|micros|ns");
    return switch (words) {
      case "seconds elapsed" -> 5;
      case "epoch", "epoc" -> timeUnit ? 5 : 0;
      case "time since start in ms" -> 4; // AndroSensor
      case "t", "time", "timestamp", "time stamp", "elapsed", "elapsed time", "zeit", "temps", "tiempo" ->
          timeUnit || unit.isEmpty() ? 4 : 0;
      case "millis", "micros", "ms", "us", "t ms", "t us", "t s" -> 3;
      default -> timeUnit && !words.matches(".*(acc|gyr|rot|mag|x|y|z).*") ? 2 : 0;
    };
  }

  private static double timeUnit(String words, String unit) {
    String u = unit.isEmpty() ? words.replace("t ", "") : unit;
    if (words.equals("seconds elapsed")) return 1;
    if (words.equals("time since start in ms")) return 1e-3;
    return switch (u) {
      case "s", "sec", "seconds" -> 1;
      case "ms", "millis" -> 1e-3;
      case "us", "µs", "micros" -> 1e-6;
      case "ns" -> 1e-9;
      default -> Double.NaN;
    };
  }

  private static boolean ignored(String rest) {
    return rest.matches(".*(mag|grav|quat|euler|orient|temp|high|earth|angle|abs|uncal|bias|norm|total rot).*");
  }

  /** Bare x, y, z columns: the sensor is the file's name (Sensor Logger). */
  private static String sensorOfFile(String file) {
    String f = file.replaceAll(".*[/\\\\!]", "");
    if (f.contains("gyro")) return "gyro";
    if (f.startsWith("gravity")) return "gravity";
    if (f.contains("linear")) return "linear acc";
    if (f.contains("acc")) return "acc";
    return "";
  }

  static double accelUnit(String unit) {
    String u = unit.replace(" ", "").replace("²", "^2").replace("**", "^");
    return switch (u) {
      case "m/s^2", "m/s2", "ms^-2", "m/s/s", "mps2", "ms2", "mss" -> 1;
      case "g" -> G;
      case "mg" -> G / 1000;
      default -> Double.NaN;
    };
  }

  static double gyroUnit(String unit) {
    String u = unit.replace(" ", "").replace("°", "deg").replace("º", "deg");
    return switch (u) {
      case "rad/s", "rads", "rad_s", "rads^-1", "rad/sec" -> 1;
      case "deg/s", "dps", "degrees/s", "degs^-1", "deg/sec", "degree/s" -> Math.PI / 180;
      case "mdps" -> Math.PI / 180e3;
      default -> Double.NaN;
    };
  }

  public static char separatorOf(String header) {
    char best = ',';
    int bestCount = 0;
    for (char c : new char[] {',', '\t', ';'}) {
      int count = split(header, c).size();
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  /** Splits at {@code sep} outside double quotes. */
  public static List<String> split(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') quoted = !quoted;
      if (c == sep && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
    if (t.startsWith("'")) t = t.substring(1); // phyphox's formula-injection guard
    return t;
  }

  /** The header for a message: its first names, never the whole line. */
  public String shortNames() {
    return abbreviate(names);
  }

  public static String abbreviate(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String n : names.subList(0, Math.min(8, names.size()))) {
      shown.add(n.length() > 40 ? n.substring(0, 40) + "…" : n);
    }
    return shown + (names.size() > 8 ? " and " + (names.size() - 8) + " more" : "");
  }
}
