package org.laymanlabs.backend.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The database: an explicit {@code spring.datasource.url} wins (PostgreSQL for larger installs);
 * otherwise an H2 file under the data directory, at an absolute path. H2 refuses paths that are
 * implicitly relative to the working folder, and a relative default would follow the learner's
 * {@code cd} anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LaymanProperties.class)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, LaymanProperties layman) {
        if (!StringUtils.hasText(properties.getUrl())) {
            properties.setUrl(embeddedH2Url(layman));
            log.info("Layman Labs keeps its data in {}", layman.absoluteDataDir());
        }
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /**
     * The H2 file, closed by Spring with the connection pool, not by H2's own hook at the JVM's exit:
     * the hooks run at once, and a clean stop saves every live sandbox with its checkpoint while
     * closing, which a database already closed would refuse.
     */
    static String embeddedH2Url(LaymanProperties layman) {
        return "jdbc:h2:file:" + layman.absoluteDataDir().resolve("db").resolve("layman") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
