package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTemplateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # template                        | entity  | name         | secret id
            wandb/{entity}/{name}             | tiny-ml | GITHUB_TOKEN | wandb/tiny-ml/GITHUB_TOKEN
            {entity}/{name}                   | tiny-ml | GITHUB_TOKEN | tiny-ml/GITHUB_TOKEN
            prod/teams/{entity}/hooks/{name}  | acme_1  | S            | prod/teams/acme_1/hooks/S
            wandb.{entity}.{name}             | a-b     | C_D          | wandb.a-b.C_D
            wandb/{entity}+{name}@relay       | x       | Y            | wandb/x+Y@relay
            """)
    void buildsIdFromEntityAndName(String template, String entity, String name, String secretId) {
        assertThat(NameTemplate.parse(template).secretId(new SecretRef(entity, name))).isEqualTo(secretId);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # template                   | problem
            wandb/{name}                 | must hold {entity} exactly once
            wandb/{entity}               | must hold {name} exactly once
            {entity}/{entity}/{name}     | must hold {entity} exactly once
            wandb/{entity}/{name}/{name} | must hold {name} exactly once
            wandb/{team}/{name}          | has the unknown placeholder {team}; only {entity} and {name} exist
            wandb/{ENTITY}/{name}        | has the unknown placeholder {ENTITY}; only {entity} and {name} exist
            {name}/{entity}              | must put {entity} before {name}
            # Without a separator that names cannot hold, two entities could share an id: (a, bX) and (ab, X).
            wandb/{entity}{name}         | must separate {entity} and {name} by a character that names cannot hold, such as '/'
            wandb/{entity}_{name}        | must separate {entity} and {name} by a character that names cannot hold, such as '/'
            wandb/{entity}-x-{name}      | must separate {entity} and {name} by a character that names cannot hold, such as '/'
            wandb/{entity}/{name}-abc123 | must not end with a hyphen and six characters, which AWS reads as a partial ARN
            wandb/{entity}/{name}}       | may hold only letters, digits and /_+=.@- besides {entity} and {name}
            wandb/{entity}/{name}*       | may hold only letters, digits and /_+=.@- besides {entity} and {name}
            'wandb /{entity}/{name}'     | may hold only letters, digits and /_+=.@- besides {entity} and {name}
            arn:aws:{entity}/{name}      | may hold only letters, digits and /_+=.@- besides {entity} and {name}
            """)
    void rejectsTemplatesThatCouldMixEntities(String template, String problem) {
        assertThatThrownBy(() -> NameTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relay.secrets.aws.name-template " + problem + ": " + template);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # Pairs that a template without a separator would confuse.
            a     | b_X | a_b   | X
            a     | bX  | ab    | X
            team- | A   | team  | A
            """)
    void differentRefsGetDifferentIds(String entity1, String name1, String entity2, String name2) {
        NameTemplate template = NameTemplate.parse("wandb/{entity}/{name}");
        assertThat(template.secretId(new SecretRef(entity1, name1)))
                .isNotEqualTo(template.secretId(new SecretRef(entity2, name2)));
    }
}
