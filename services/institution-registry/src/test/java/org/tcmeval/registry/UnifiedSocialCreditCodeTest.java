package org.tcmeval.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void computesTheMod31CheckCharacterByHand() {
        // 91350100M000100Y4?: values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 times weights
        // 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28:
        // 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31-28 = 3 -> '3'.
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y43")).isNull();
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y40")).contains("must be '3'");
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y4")).contains("18 characters");
        assertThat(UnifiedSocialCreditCode.problem("91350100M0001O0Y43")).contains("'O'");
    }
}
