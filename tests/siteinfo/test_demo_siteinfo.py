from yhdessa.demo import siteinfo
from yhdessa.siteinfo.models import SiteProfile


def test_demo_fills_in_the_controller_marked_as_demo_and_keeps_a_chosen_name(client, db):
    client.get("/")  # the defaults are now in the cache
    siteinfo.load()
    html = client.get("/tietosuoja/ilmoittautumiset/").content.decode()
    assert "Demo: Esimerkkikunta, hyvinvointipalvelut" in html
    assert "Tietosuojavaltuutetun toimisto" in html
    SiteProfile.objects.filter(pk=1).update(name_fi="Oma nimi")
    siteinfo.load()
    assert SiteProfile.objects.get().name_fi == "Oma nimi"
