package org.tcmeval.support.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.support.text.Inputs;

/**
 * The text of an uploaded file (a CSV or JSON import), decoded the same way by every service: strict
 * UTF-8, a leading BOM (as Excel writes "CSV UTF-8") dropped. A file saved as GBK or GB18030 is
 * refused naming the first bad byte and its line, never read as mojibake; a NUL is refused too,
 * since PostgreSQL cannot store it (UTF-16 saved by mistake shows up as one between letters).
 */
public final class UploadText {

    private UploadText() {
    }

    public static String decode(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw ProblemException.invalid("body", Rules.UTF_8, "the file is not UTF-8: byte " + (offset + 1) + " (line "
                    + line(body, offset) + ") is not valid UTF-8; save it as \"CSV UTF-8\" (GBK/GB18030 files are not "
                    + "accepted)");
        }
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            long line = text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
            throw ProblemException.invalid("body", Inputs.NUL, "the file contains the NUL character (U+0000) on line "
                    + line + "; save it as \"CSV UTF-8\"");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int line(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
