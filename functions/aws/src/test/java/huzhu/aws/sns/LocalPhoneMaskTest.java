package huzhu.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPhoneMaskTest {

    @Test
    void mask_keepsCountryCodeAndPrefix_andTheLastFourDigits() {
        assertThat(LocalPhoneMask.mask("+8613800138000")).isEqualTo("+86138****8000");
        assertThat(LocalPhoneMask.mask("+12065550100")).isEqualTo("+12065****0100");
    }

    @Test
    void mask_hidesMoreOfShortNumbers_andCopesWithNothing() {
        assertThat(LocalPhoneMask.mask("+4412345")).isEqualTo("+44****45");
        assertThat(LocalPhoneMask.mask("110")).isEqualTo("****");
        assertThat(LocalPhoneMask.mask(null)).isEmpty();
    }
}
