package com.rollercoach.gui.sound;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Spoken cues through a command-line speech engine (espeak-ng, else espeak) found on the PATH; absent
 * engines simply make this unavailable. Called on the sound thread only.
 */
public final class Speech {
  /** A cue sentence takes 2–4 s to say; anything longer is a hung engine. */
  private static final long MAX_SPEAK_MS = 8_000;

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
      if (!p.waitFor(MAX_SPEAK_MS, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      // The engine vanished or cannot run: speech is optional, tones still play.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
