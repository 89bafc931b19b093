package org.tcmeval.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs Keycloak-shaped access tokens with a key pair made for this test JVM. The service under
 * test verifies them for real (signature, issuer, expiry) through quarkus-oidc with the public
 * key that {@link InfraResource} hands it: security is exercised, never switched off.
 */
public final class TestTokens {

    public static final String ISSUER = "https://test-issuer.tcmeval.invalid/realms/tcm";
    /** The services' audience (quarkus.oidc.token.audience); Keycloak's audience mapper puts it in access tokens. */
    public static final String AUDIENCE = "tcm-api";
    /** The client the tokens were issued to, as Keycloak names it in {@code azp} (and in an ID token's {@code aud}). */
    public static final String CLIENT = "tcm-cli";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A bearer token for a user with these realm roles in this division. */
    public static String token(String division, String... roles) {
        return sign(claims("user-" + division, division, List.of(roles), 600));
    }

    /** A bearer token of a named user, so two users of one division can be told apart (four-eyes rules). */
    public static String tokenOf(String subject, String division, String... roles) {
        return sign(claims(subject, division, List.of(roles), 600));
    }

    /**
     * A token of an institution's own account, as Keycloak issues it with the {@code institution} user
     * attribute: bound to the institution (its id or unified social credit code) in its division.
     */
    public static String forInstitution(String institution, String division, String... roles) {
        JwtClaims c = claims("institution-" + institution, division, List.of(roles), 600);
        c.setClaim("institution", institution);
        return sign(c);
    }

    /** A token that expired ten minutes ago. */
    public static String expired(String division, String... roles) {
        return sign(claims("user-" + division, division, List.of(roles), -600));
    }

    /** A token with these roles but without the division claim. */
    public static String withoutDivision(String... roles) {
        JwtClaims c = claims("no-division", null, List.of(roles), 600);
        return sign(c);
    }

    /**
     * An ID token as Keycloak issues it beside the access token: same signature, issuer, subject and
     * roles, but {@code typ} "ID" and the client as audience. Services must refuse it as a bearer token.
     */
    public static String idToken(String division, String... roles) {
        JwtClaims c = claims("user-" + division, division, List.of(roles), 600);
        c.setClaim("typ", "ID");
        c.setAudience(CLIENT);
        return sign(c);
    }

    /** An access token whose audience is another resource server. */
    public static String forAudience(String audience, String division, String... roles) {
        JwtClaims c = claims("user-" + division, division, List.of(roles), 600);
        c.setAudience(audience);
        return sign(c);
    }

    /** Base64 DER public key as quarkus.oidc.public-key expects it. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static JwtClaims claims(String subject, String division, List<String> roles, int expiresInSeconds) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setSubject(subject);
        c.setClaim("preferred_username", subject);
        c.setClaim("typ", "Bearer");
        // As Keycloak 26 issues them with the realm's audience mapper: ["tcm-api", "account"].
        c.setAudience(AUDIENCE, "account");
        c.setClaim("azp", CLIENT);
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(expiresInSeconds / 60f);
        c.setGeneratedJwtId();
        c.setClaim("realm_access", Map.of("roles", roles));
        if (division != null) {
            c.setClaim("division", division);
        }
        return c;
    }

    private static String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEYS.getPrivate());
        jws.setKeyIdHeaderValue("test-key");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
