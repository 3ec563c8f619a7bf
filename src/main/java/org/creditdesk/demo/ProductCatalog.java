package org.creditdesk.demo;

import java.util.List;

/** The distributor's six product lines: industrial components for wholesale and for projects. */
final class ProductCatalog {

    record Line(String code, String name) {}

    static final List<Line> LINES = List.of(
            new Line("PUMPS", "Pumps & Fluid Handling 泵与流体"),
            new Line("VALVES", "Valves & Fittings 阀门管件"),
            new Line("MOTORS", "Motors & Drives 电机与驱动"),
            new Line("CABLES", "Cables & Wiring 电线电缆"),
            new Line("AUTOMATION", "Automation & Controls 自动化控制"),
            new Line("HVAC", "HVAC Equipment 暖通设备"));

    private ProductCatalog() {}
}
