package dev.webhookrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12 (6): user info never shows, whether the URL parses or not. */
class UrlTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # user info, in every place it may hide
            http://alice:pw@host/                        | http://***@host/
            https://alice@host:8443/a?b=c                | https://***@host:8443/a?b=c
            http://a@b@host/                             | http://***@host/
            http://alice:pw@host                         | http://***@host
            http:\\\\alice:pw@host\\path                     | http:\\\\***@host\\path
            HTTP://alice:pw@[::1]:80/                    | HTTP://***@[::1]:80/
            //alice:pw@host/                             | //***@host/
            # no user info: unchanged, even with @ after the authority
            http://host/a@b                              | http://host/a@b
            http://host?to=a@b                           | http://host?to=a@b
            http://host#a@b                              | http://host#a@b
            https://api.github.com/repos/acme/ml         | https://api.github.com/repos/acme/ml
            not a url                                    | not a url
            """)
    void showsUrlWithoutUserInfo(String url, String shown) {
        assertThat(UrlText.withoutUserInfo(url)).isEqualTo(shown);
    }
}
