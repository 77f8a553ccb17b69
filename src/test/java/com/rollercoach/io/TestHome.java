package com.rollercoach.io;

import java.nio.file.Path;

/**
 * Points the default data folder at {@code home/.roller-coach} for a test, as if {@code home} were the
 * user's home folder, and puts the previous setting back on {@link #close()}. Tests use the data
 * folder's own property rather than {@code user.home}: the default follows {@code $HOME}, which a
 * test cannot change in its own process.
 */
public final class TestHome implements AutoCloseable {
  private final String previous;

  private TestHome(Path home) {
    previous = System.getProperty(DataFolder.HOME_PROPERTY);
    System.setProperty(DataFolder.HOME_PROPERTY, home.resolve(".roller-coach").toString());
  }

  public static TestHome use(Path home) {
    return new TestHome(home);
  }

  @Override
  public void close() {
    if (previous == null) System.clearProperty(DataFolder.HOME_PROPERTY);
    else System.setProperty(DataFolder.HOME_PROPERTY, previous);
  }
}
