package org.tcmeval.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tcmeval.support.problem.ProblemException;

class UploadTextTest {

    @Test
    void dropsTheBomExcelWrites() {
        assertThat(UploadText.decode("\uFEFFcode,name\n45,广西".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("code,name\n45,广西");
    }

    @Test
    void refusesGbkNamingTheFirstBadByteAndItsLine() {
        // "code\n" is 5 bytes, so the first byte of 广 in GB18030 is byte 6, on line 2.
        byte[] gbk = "code\n广西".getBytes(Charset.forName("GB18030"));
        assertThatThrownBy(() -> UploadText.decode(gbk)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.errors().get(0).rule()).isEqualTo("utf-8");
            assertThat(e.getMessage()).contains("byte 6 (line 2)");
        });
    }

    @Test
    void refusesNul() {
        assertThatThrownBy(() -> UploadText.decode("a,b\nx\u0000,y".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("line 2"));
    }
}
