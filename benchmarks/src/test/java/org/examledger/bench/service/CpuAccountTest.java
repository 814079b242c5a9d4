package org.examledger.bench.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class CpuAccountTest {

  // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
  // utime stime cutime cstime ...; a command name may hold spaces and parentheses
  private static final String BACKEND =
      "4242 (postgres) S 900 900 900 0 -1 4194560 1200 0 0 0 731 129 0 0 20 0 1 0 5000 221000000"
          + " 37000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";
  private static final String ODD_NAME =
      "77 (a) b (c)) R 1 77 77 0 -1 4194304 10 0 0 0 5 6 7 8 20 0 1 0 100 0 0";

  @Test
  void readsUserAndSystemTimeOfAProcessWithOrWithoutItsExitedChildren() {
    assertThat(CpuAccount.command(BACKEND)).isEqualTo("postgres");
    assertThat(CpuAccount.ticks(BACKEND, false)).isEqualTo(731 + 129);
    assertThat(CpuAccount.command(ODD_NAME)).isEqualTo("a) b (c)");
    assertThat(CpuAccount.ticks(ODD_NAME, false)).isEqualTo(5 + 6);
    assertThat(CpuAccount.ticks(ODD_NAME, true)).isEqualTo(5 + 6 + 7 + 8);
  }

  @Test
  void machineTicksSplitBusyFromIdleAndIoWait() {
    // cpu user nice system idle iowait irq softirq steal guest guest_nice
    long[] t =
        CpuAccount.machineTicks("cpu  100 2 30 500 40 1 6 3 0 0\ncpu0 50 1 15 250 20 0 3 1 0 0");
    assertThat(t[0]).isEqualTo(100 + 2 + 30 + 1 + 6 + 3);
    assertThat(t[1]).isEqualTo(500 + 40);
    assertThatThrownBy(() -> CpuAccount.machineTicks("intr 1 2 3"))
        .hasMessageContaining("unexpected /proc/stat first line");
  }

  @Test
  void accountDividesEachPartByTheWallClockAndTheEvents() {
    CpuAccount.Snapshot a = new CpuAccount.Snapshot(0, 1_000, 5_000, 100, 50, 10);
    // 10 s later: 2 cores, 1,900 of 2,000 ticks busy
    CpuAccount.Snapshot b = new CpuAccount.Snapshot(10_000_000_000L, 2_900, 5_100, 1_200, 650, 60);
    ObjectNode json = CpuAccount.between(a, b, 20_000);
    assertThat(json.get("wallSeconds").asDouble()).isEqualTo(10.0);
    assertThat(json.get("serverCpuSeconds").asDouble()).isEqualTo(11.0);
    assertThat(json.get("postgresCpuSeconds").asDouble()).isEqualTo(6.0);
    assertThat(json.get("generatorCpuSeconds").asDouble()).isEqualTo(0.5);
    assertThat(json.get("otherCpuSeconds").asDouble()).isEqualTo(1.5);
    assertThat(json.get("idleCpuSeconds").asDouble()).isEqualTo(1.0);
    assertThat(json.get("serverCores").asDouble()).isEqualTo(1.1);
    assertThat(json.get("machineBusyShare").asDouble()).isEqualTo(0.95);
    ObjectNode perEvent = (ObjectNode) json.get("microsecondsPerEvent");
    assertThat(perEvent.get("server").asDouble()).isEqualTo(550.0);
    assertThat(perEvent.get("postgres").asDouble()).isEqualTo(300.0);
    assertThat(perEvent.get("machineBusy").asDouble()).isEqualTo(950.0);
    assertThat(CpuAccount.between(a, b, 0).has("microsecondsPerEvent")).isFalse();
  }

  @Test
  void countsTheCpuThisProcessSpendsBetweenStartAndStop() throws Exception {
    assumeTrue(CpuAccount.available(), "no /proc on this machine");
    CpuAccount account = new CpuAccount(ProcessHandle.current().pid());
    account.start();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1 << 20];
    for (int i = 0; i < 400; i++) {
      sha.update(block); // some 400 MB hashed: well over a clock tick of CPU
    }
    account.stop();
    ObjectNode json = account.toJson(0);
    assertThat(json.get("generatorCpuSeconds").asDouble()).isPositive();
    // the "server" here is this same process, read a moment apart
    assertThat(json.get("serverCpuSeconds").asDouble()).isPositive();
    assertThat(json.get("machineBusyShare").asDouble()).isBetween(0.0, 1.0);
    assertThatThrownBy(() -> new CpuAccount(1).toJson(0)).isInstanceOf(IllegalStateException.class);
  }
}
