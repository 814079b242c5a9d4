package org.examledger.api.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digests;
import org.examledger.crypto.Signers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * For the demo only: before any bean is made, writes the demo's fixed checkpoint-signing key (an
 * Ed25519 key from the public seed SHA-256("examledger demo log key")) where the log looks for its
 * key, unless a key file is already there or {@code ledger.log.key-file} names another. Two demo
 * data folders thus sign the same checkpoints; the key is public and good for nothing else.
 */
final class DemoLogKey implements BeanFactoryPostProcessor, EnvironmentAware {

  private static final Logger log = LoggerFactory.getLogger(DemoLogKey.class);

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (environment.getProperty("ledger.log.key-file") != null) {
      return;
    }
    Path file =
        Path.of(environment.getProperty("ledger.data-dir", "./data"))
            .resolve("keys")
            .resolve("log-ed25519.pem");
    if (Files.exists(file)) {
      return;
    }
    String pem =
        Signers.toPkcs8Pem(
            Signers.ed25519FromSeed(Digests.sha256(Bytes.utf8("examledger demo log key")).value()));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".log-key", ".tmp");
      if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, pem, StandardCharsets.US_ASCII);
      Files.move(temp, file);
      log.info("demo: wrote the demo's fixed, public log key to {}", file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo log key " + file, e);
    }
  }
}
