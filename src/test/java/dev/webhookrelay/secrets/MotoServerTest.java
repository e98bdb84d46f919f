package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MotoServerTest {

    @Test
    void missingExecutableFailsWithInstallHint() {
        assertThatThrownBy(() -> new MotoServer("moto_server_not_installed").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("moto_server_not_installed is not on the PATH. The secrets tests run against a real local"
                        + " AWS API: install it with `pip install 'moto[server]'` (Python 3.9+), then check that"
                        + " `moto_server --help` runs");
    }
}
