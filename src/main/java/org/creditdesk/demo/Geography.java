package org.creditdesk.demo;

import java.util.List;

/**
 * The distributor's sales areas with the cities its customers sit in. Each city carries what makes
 * its customers' master data look local: the telephone area code, the region prefix of resident
 * ID numbers and registration numbers, and the postcode.
 */
final class Geography {

    record City(String en, String zh, String phoneCode, String regionCode, String postcode) {}

    record Area(String code, String name, int weight, List<City> cities) {}

    record Street(String en, String zh) {}

    record District(String en, String zh) {}

    static final List<Area> AREAS = List.of(
            new Area(
                    "EAST",
                    "East China 华东",
                    22,
                    List.of(
                            new City("Shanghai", "上海", "21", "310115", "201203"),
                            new City("Hangzhou", "杭州", "571", "330106", "310012"),
                            new City("Nanjing", "南京", "25", "320106", "210009"),
                            new City("Suzhou", "苏州", "512", "320505", "215011"))),
            new Area(
                    "NORTH",
                    "North China 华北",
                    15,
                    List.of(
                            new City("Beijing", "北京", "10", "110105", "100020"),
                            new City("Tianjin", "天津", "22", "120116", "300457"),
                            new City("Shijiazhuang", "石家庄", "311", "130104", "050000"))),
            new Area(
                    "SOUTH",
                    "South China 华南",
                    18,
                    List.of(
                            new City("Guangzhou", "广州", "20", "440106", "510630"),
                            new City("Shenzhen", "深圳", "755", "440305", "518057"),
                            new City("Dongguan", "东莞", "769", "441900", "523000"),
                            new City("Foshan", "佛山", "757", "440604", "528000"))),
            new Area(
                    "WEST",
                    "West China 华西",
                    10,
                    List.of(
                            new City("Chengdu", "成都", "28", "510107", "610041"),
                            new City("Chongqing", "重庆", "23", "500112", "401120"),
                            new City("Mianyang", "绵阳", "816", "510703", "621000"))),
            new Area(
                    "CENTRAL",
                    "Central China 华中",
                    12,
                    List.of(
                            new City("Wuhan", "武汉", "27", "420106", "430071"),
                            new City("Changsha", "长沙", "731", "430104", "410013"),
                            new City("Zhengzhou", "郑州", "371", "410105", "450000"))),
            new Area(
                    "NORTHEAST",
                    "Northeast China 东北",
                    8,
                    List.of(
                            new City("Shenyang", "沈阳", "24", "210106", "110027"),
                            new City("Dalian", "大连", "411", "210204", "116023"),
                            new City("Harbin", "哈尔滨", "451", "230103", "150001"),
                            new City("Changchun", "长春", "431", "220104", "130012"))),
            new Area(
                    "SOUTHWEST",
                    "Southwest China 西南",
                    8,
                    List.of(
                            new City("Kunming", "昆明", "871", "530111", "650051"),
                            new City("Guiyang", "贵阳", "851", "520115", "550081"),
                            new City("Nanning", "南宁", "771", "450107", "530007"))),
            new Area(
                    "NORTHWEST",
                    "Northwest China 西北",
                    7,
                    List.of(
                            new City("Xi'an", "西安", "29", "610113", "710065"),
                            new City("Lanzhou", "兰州", "931", "620102", "730030"),
                            new City("Urumqi", "乌鲁木齐", "991", "650104", "830011"),
                            new City("Yinchuan", "银川", "951", "640104", "750001"))));

    static final List<District> DISTRICTS = List.of(
            new District("Hi-tech Industrial Development Zone", "高新技术产业开发区"),
            new District("Economic and Technological Development Zone", "经济技术开发区"),
            new District("Free Trade Zone", "自由贸易试验区"),
            new District("Industrial Park", "工业园区"),
            new District("Logistics Park", "物流园区"),
            new District("Binhai New Area", "滨海新区"));

    static final List<Street> STREETS = List.of(
            new Street("Renmin Road", "人民路"),
            new Street("Jiefang Road", "解放路"),
            new Street("Zhongshan Road", "中山路"),
            new Street("Jianshe Road", "建设路"),
            new Street("Heping Road", "和平路"),
            new Street("Changjiang Road", "长江路"),
            new Street("Huanghe Road", "黄河路"),
            new Street("Xinhua Road", "新华路"),
            new Street("Gongye Avenue", "工业大道"),
            new Street("Keji Road", "科技路"),
            new Street("Chaoyang Road", "朝阳路"),
            new Street("Dongfeng Road", "东风路"),
            new Street("Jinqiao Road", "金桥路"),
            new Street("Chuangye Avenue", "创业大道"),
            new Street("Hangtian Road", "航天路"),
            new Street("Xingfu Road", "幸福路"));

    private static final int TOTAL_WEIGHT =
            AREAS.stream().mapToInt(Area::weight).sum();

    private Geography() {}

    /** Picks an area by its share of the distributor's customers. */
    static Area areaFor(double uniform) {
        int ticket = (int) (uniform * TOTAL_WEIGHT);
        for (Area area : AREAS) {
            ticket -= area.weight();
            if (ticket < 0) return area;
        }
        return AREAS.getLast();
    }
}
