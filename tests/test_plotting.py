"""The book style renders Chinese labels with no missing-glyph warning."""

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402

import clusterlib as cl  # noqa: E402


def _draw_chinese_figure():
    fig, ax = plt.subplots()
    sns.barplot(x=["区位商", "赫芬达尔指数", "Krugman −"], y=[1.0, -0.5, 2.0], ax=ax)
    ax.set_title("产业集群与产业升级 Industrial clusters")
    ax.set_xlabel("指标 indicator")
    fig.canvas.draw()
    plt.close(fig)


def test_chinese_labels_render_without_missing_glyphs():
    cl.plotting.use_book_style()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _draw_chinese_figure()
    messages = [str(w.message) for w in caught]
    assert not [m for m in messages if "missing from font" in m or "findfont" in m], messages


def test_without_the_style_a_chinese_label_warns():
    """The check above can fail: the default font has no Chinese glyphs."""
    matplotlib.rcdefaults()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _draw_chinese_figure()
    assert any("missing from font" in str(w.message) for w in caught)
    cl.plotting.use_book_style()


def test_style_sets_cjk_font_with_latin_fallback():
    cl.plotting.use_book_style()
    assert matplotlib.rcParams["font.sans-serif"][:2] == ["Noto Sans CJK SC", "DejaVu Sans"]
    assert cl.plotting.cjk_font_path().is_file()


def test_style_prints_table_text_in_full():
    import pandas as pd

    long_text = "Pearl River Delta, Yangtze River Delta and Bohai Rim (珠三角、长三角和环渤海)"
    pd.reset_option("display.max_colwidth")
    assert long_text not in pd.DataFrame({"region": [long_text]})._repr_html_()  # pandas cuts it
    cl.plotting.use_book_style()
    assert long_text in pd.DataFrame({"region": [long_text]})._repr_html_()  # as a notebook shows it
    assert long_text in repr(pd.DataFrame({"region": [long_text]}))


def test_style_rejects_unknown_context():
    with pytest.raises(ValueError, match="`context` must be one of"):
        cl.plotting.use_book_style(context="huge")
