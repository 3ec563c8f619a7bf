package org.creditdesk.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Chinese company and person names, either in characters or in pinyin transliteration, so the
 * demo shows both spellings side by side as a real customer master does after years of imports.
 */
final class NameBook {

    /** One syllable or character with its pinyin. */
    record Word(String zh, String pinyin) {}

    record Industry(String zh, String en, boolean project) {}

    static final List<Word> SURNAMES =
            words("王Wang 李Li 张Zhang 刘Liu 陈Chen 杨Yang 黄Huang 赵Zhao 吴Wu 周Zhou 徐Xu 孙Sun 马Ma 朱Zhu 胡Hu 郭Guo 何He"
                    + " 高Gao 林Lin 罗Luo 郑Zheng 梁Liang 谢Xie 宋Song 唐Tang 许Xu 韩Han 冯Feng 邓Deng 曹Cao 彭Peng"
                    + " 曾Zeng 肖Xiao 田Tian 董Dong 袁Yuan 潘Pan 于Yu 蒋Jiang 蔡Cai 余Yu 杜Du 叶Ye 程Cheng 魏Wei");

    static final List<Word> GIVEN =
            words("伟Wei 芳Fang 娜Na 敏Min 静Jing 强Qiang 磊Lei 军Jun 洋Yang 勇Yong 艳Yan 杰Jie 涛Tao 明Ming 超Chao"
                    + " 秀Xiu 霞Xia 平Ping 刚Gang 桂Gui 英Ying 华Hua 玉Yu 兰Lan 建Jian 国Guo 志Zhi 海Hai 峰Feng"
                    + " 斌Bin 鹏Peng 辉Hui 丽Li 红Hong 文Wen 宇Yu 浩Hao 凯Kai 晨Chen 欣Xin 怡Yi 婷Ting 雪Xue 东Dong"
                    + " 亮Liang 成Cheng 俊Jun 健Jian 光Guang 荣Rong");

    static final List<Word> TRADE =
            words("恒Heng 达Da 鑫Xin 华Hua 盛Sheng 泰Tai 信Xin 通Tong 宏Hong 远Yuan 隆Long 兴Xing 源Yuan 瑞Rui 丰Feng"
                    + " 昌Chang 德De 利Li 嘉Jia 锦Jin 永Yong 安An 金Jin 天Tian 宇Yu 博Bo 创Chuang 新Xin 海Hai 佳Jia"
                    + " 正Zheng 方Fang 中Zhong 诚Cheng 益Yi 联Lian 和He 顺Shun 力Li 卓Zhuo 凯Kai 辰Chen 科Ke 铭Ming");

    static final List<Industry> INDUSTRIES = List.of(
            new Industry("机电设备", "Electromechanical Equipment", false),
            new Industry("五金机电", "Hardware & Electrical", false),
            new Industry("工业设备", "Industrial Equipment", false),
            new Industry("商贸", "Trading", false),
            new Industry("电气", "Electric", false),
            new Industry("流体设备", "Fluid Equipment", false),
            new Industry("物资", "Materials Supply", false),
            new Industry("建设工程", "Construction Engineering", true),
            new Industry("自动化科技", "Automation Technology", true),
            new Industry("水务工程", "Water Engineering", true),
            new Industry("暖通工程", "HVAC Engineering", true),
            new Industry("环保科技", "Environmental Technology", true),
            new Industry("能源科技", "Energy Technology", true));

    private NameBook() {}

    /** A person's name as written in one script. */
    static String personName(RandomGenerator random, boolean chinese) {
        Word surname = pick(random, SURNAMES);
        Word first = pick(random, GIVEN);
        Word second = random.nextInt(3) == 0 ? null : pick(random, GIVEN);
        if (chinese) {
            return surname.zh() + first.zh() + (second == null ? "" : second.zh());
        }
        String given = first.pinyin() + (second == null ? "" : second.pinyin().toLowerCase(java.util.Locale.ROOT));
        return surname.pinyin() + " " + given;
    }

    static <T> T pick(RandomGenerator random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static List<Word> words(String spec) {
        return java.util.Arrays.stream(spec.split(" "))
                .map(w -> new Word(w.substring(0, 1), w.substring(1)))
                .toList();
    }
}
