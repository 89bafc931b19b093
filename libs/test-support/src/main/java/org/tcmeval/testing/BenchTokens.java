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
 * The benches' bearer tokens, signed once here instead of in each bench: a key pair per bench run
 * whose public key the service under measurement is started with ({@link #publicKey()},
 * {@link #ISSUER}), and one-hour tokens with a role in a division. The service verifies them for
 * real, as it does {@link TestTokens}' in the tests.
 */
public final class BenchTokens {

    public static final String ISSUER = "https://bench.tcmeval.invalid/realms/tcm";

    private final KeyPair keys;

    private BenchTokens(KeyPair keys) {
        this.keys = keys;
    }

    /**
     * A fresh 2048-bit RSA key pair, the size of the key Keycloak generates for a realm (RS256). The
     * JDK's default is 3072 bits: every request verifies its token's signature, and with the larger
     * key that verification was ~9% of reporting's event loop for single submissions (JFR), a cost
     * no deployment with Keycloak's default key pays.
     */
    public static BenchTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new BenchTokens(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 DER public key as quarkus.oidc.public-key expects it. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** {@code -Dquarkus.oidc.public-key} and {@code -Dquarkus.oidc.token.issuer} for the service's command line. */
    public List<String> oidcSystemProperties() {
        return List.of("-Dquarkus.oidc.public-key=" + publicKey(), "-Dquarkus.oidc.token.issuer=" + ISSUER);
    }

    /**
     * An access token as Keycloak issues it ({@code typ} Bearer, {@code audience}; every service requires
     * both, libs/service-support's quarkus.oidc.token settings) of {@code subject} with the realm role
     * {@code role} in {@code division}, valid an hour.
     */
    public String token(String subject, String role, String division, String... audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("typ", "Bearer");
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setClaim("realm_access", Map.of("roles", List.of(role)));
        claims.setClaim("division", division);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
