package com.rollercoach.gui;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.source.SampleSource;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** A source that delivers nothing and waits to be stopped: the test writes the feed itself. */
final class IdleSource implements SampleSource {
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public String description() {
    return "scripted session";
  }

  @Override
  public void run(SampleSink sink, Consumer<LinkStatus> status) throws InterruptedException {
    stopped.await();
  }

  @Override
  public void stop() {
    stopped.countDown();
  }
}
