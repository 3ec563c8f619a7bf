package org.creditdesk.shared.web;

import java.time.LocalDate;
import org.creditdesk.shared.StrictDates;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters, path variables and form fields of type {@link LocalDate} are read by {@link
 * StrictDates} like JSON bodies are: {@code yyyy-MM-dd}, years 1900–2199; anything else is a 400
 * naming the parameter (via {@code MethodArgumentTypeMismatchException}).
 */
@Configuration(proxyBeanMethods = false)
class StrictConversions implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, new DateConverter());
    }

    static final class DateConverter implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            if (source.isBlank()) return null;
            return switch (StrictDates.read(source.strip())) {
                case StrictDates.Valid valid -> valid.date();
                case StrictDates.Invalid invalid -> throw new IllegalArgumentException(invalid.reason());
            };
        }
    }
}
