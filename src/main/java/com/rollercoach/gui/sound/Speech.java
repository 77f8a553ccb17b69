package com.rollercoach.gui.sound;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Spoken cues through a command-line speech engine (espeak-ng, else espeak) found on the PATH; absent
 * engines simply make this unavailable. Called on the sound thread only.
 */
public final class Speech {
  /**
   * Start-up and a short cue's 2–4 s; past this plus {@link #MS_PER_CHAR} a character the engine is
   * taken as hung.
   */
  private static final long MAX_SPEAK_MS = 8_000;

  /**
   * Twice espeak-ng's time per character at 150 words a minute (the session summary, 175 characters,
   * takes it 15.1 s): a fixed 8 s cut that summary off half-way.
   */
  private static final long MS_PER_CHAR = 150;

  private final String engine;

  private Speech(String engine) {
    this.engine = engine;
  }

  /** The first of espeak-ng, espeak on the PATH, else an unavailable engine. */
  public static Speech detect() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String name : new String[] {"espeak-ng", "espeak"}) {
        for (String dir : path.split(File.pathSeparator)) {
          File f = new File(dir, name);
          if (f.isFile() && f.canExecute()) {
            return new Speech(f.getPath());
          }
        }
      }
    }
    return none();
  }

  public static Speech none() {
    return new Speech(null);
  }

  /** This engine (a path), for tests. */
  static Speech using(String engine) {
    return new Speech(engine);
  }

  /** How long saying {@code text} may take before the engine is taken as hung. */
  static long limitMs(String text) {
    return MAX_SPEAK_MS + MS_PER_CHAR * text.length();
  }

  public boolean available() {
    return engine != null;
  }

  /** Says {@code text}, waiting until it is spoken (bounded); failures are silent. */
  void say(String text) {
    if (engine == null) {
      return;
    }
    try {
      // -s 150 words/min: a calm pace for someone lying down with eyes closed.
      Process p = new ProcessBuilder(engine, "-s", "150", text)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(limitMs(text), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      // The engine vanished or cannot run: speech is optional, tones still play.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
